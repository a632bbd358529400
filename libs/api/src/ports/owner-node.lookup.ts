import { Injectable } from '@nestjs/common';
import type { NodeEntity } from '@slipway/db';
import { NodeRepository } from '@slipway/db';
import { InvalidIdentityError, InvalidParameterValueError, NodeNotFoundError } from '@slipway/errors';
import { canonicalUuid, isUuid } from '../common/identifiers';

/** How a port or portgroup write finds its node, with the status Ironic gives on each path. */
@Injectable()
export class OwnerNodeLookup {
  constructor(private readonly nodes: NodeRepository) {}

  /** A body's node: NodeNotFound is a bad request here, not a 404 (Ironic rewrites the code). */
  async forWrite(uuid: string): Promise<NodeEntity> {
    const node = await this.nodes.findByUuid(uuid);
    if (!node) throw new InvalidParameterValueError(new NodeNotFoundError({ node: uuid }).message);
    return node;
  }

  /** A patched node_uuid is looked up as Ironic's Node.get does: a UUID (or an id), else InvalidIdentity. */
  async forPatch(value: unknown): Promise<NodeEntity> {
    if (typeof value !== 'string' || !isUuid(value)) throw new InvalidIdentityError({ identity: String(value) });
    return this.forWrite(canonicalUuid(value));
  }

  /** The node a stored port or portgroup belongs to. */
  async byId(id: number): Promise<NodeEntity> {
    const node = await this.nodes.findById(id);
    if (!node) throw new NodeNotFoundError({ node: String(id) });
    return node;
  }
}
