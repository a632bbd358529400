import { Injectable } from '@nestjs/common';
import { NodeTraitRepository } from '@slipway/db';
import { InvalidError, NotFoundError } from '@slipway/errors';
import { nodeAddTraits, nodeRemoveTraits } from '@slipway/rpc';
import { NodesService } from '../nodes/nodes.service';
import { NodeOwnerRpcService } from '../node-states/node-owner-rpc.service';
import { checkTrait, checkTraitsBody } from './trait-schema';

const MINOR_TRAITS = 37;

/** `/v1/nodes/{node}/traits`: read from the database, written by the owning conductor. */
@Injectable()
export class NodeTraitsService {
  constructor(
    private readonly nodes: NodesService,
    private readonly traits: NodeTraitRepository,
    private readonly owner: NodeOwnerRpcService,
  ) {}

  async list(ident: string, minor: number): Promise<{ traits: string[] }> {
    checkTraitsEndpoint(minor);
    const node = await this.nodes.find(ident, minor);
    return { traits: await this.traits.namesOf(node.id) };
  }

  /** Adds `trait`, or replaces all traits with the body's list; returns the node's uuid. */
  async put(ident: string, trait: string | undefined, body: unknown, minor: number): Promise<string> {
    checkTraitsEndpoint(minor);
    if (trait !== undefined) checkTrait(trait);
    const traits = checkTraitsBody(body);
    const node = await this.nodes.find(ident, minor);
    if ((trait === undefined) === (traits === undefined)) {
      throw new InvalidError(
        'Add one node trait with PUT /v1/nodes/<node identifier>/traits/<trait> and no body, or replace all node traits with PUT /v1/nodes/<node identifier>/traits and the list of traits in the request body.',
      );
    }
    await this.owner.call(node, nodeAddTraits, { uuid: node.uuid, traits: trait !== undefined ? [trait] : (traits as string[]), replace: trait === undefined });
    return node.uuid;
  }

  /** Removes `trait`, or every trait when none is named. */
  async delete(ident: string, trait: string | undefined, minor: number): Promise<void> {
    checkTraitsEndpoint(minor);
    const node = await this.nodes.find(ident, minor);
    await this.owner.call(node, nodeRemoveTraits, { uuid: node.uuid, traits: trait === undefined ? undefined : [trait] });
  }
}

function checkTraitsEndpoint(minor: number): void {
  if (minor < MINOR_TRAITS) throw new NotFoundError('The resource could not be found.');
}
