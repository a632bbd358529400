import { Injectable } from '@nestjs/common';
import type { NodeEntity } from '@slipway/db';
import { NodeRepository } from '@slipway/db';
import { InvalidParameterValueError, NodeNotFoundError } from '@slipway/errors';

/** The node a volume body names, with the 400s Ironic answers when it does not exist. */
@Injectable()
export class VolumeNodes {
  constructor(private readonly nodes: NodeRepository) {}

  /** For a create: Ironic's InvalidInput on `node_uuid` (its message ends with a space). */
  async forCreate(nodeUuid: string): Promise<NodeEntity> {
    return this.findOr(nodeUuid, () => new InvalidParameterValueError(`Invalid input for field/attribute node_uuid. Value: '${nodeUuid}'. `));
  }

  /** For a patch moving the volume: NodeNotFound's message, as a 400. */
  async forPatch(nodeUuid: string): Promise<NodeEntity> {
    return this.findOr(nodeUuid, () => new InvalidParameterValueError(new NodeNotFoundError({ node: nodeUuid }).message));
  }

  private async findOr(nodeUuid: string, missing: () => Error): Promise<NodeEntity> {
    const node = await this.nodes.findByUuid(nodeUuid);
    if (!node) throw missing();
    return node;
  }
}
