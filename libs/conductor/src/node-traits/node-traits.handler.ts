import { Inject, Injectable } from '@nestjs/common';
import { NodeTraitRepository } from '@slipway/db';
import { InvalidParameterValueError, NodeTraitNotFoundError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { nodeAddTraits, nodeRemoveTraits, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';
import { NodeLockService } from '../locks/node-lock.service';

/** Ironic's per-node cap on traits. */
export const MAX_TRAITS_PER_NODE = 50;

/** Node traits, written under the node lock (Ironic's add_node_traits and remove_node_traits). */
@Injectable()
export class NodeTraitsHandler {
  private readonly log = getLogger('NodeTraitsHandler');

  constructor(
    @Inject(NodeTraitRepository) private readonly traits: Pick<NodeTraitRepository, 'namesOf' | 'replace' | 'add' | 'remove'>,
    @Inject(NodeLockService) private readonly locks: Pick<NodeLockService, 'withLock'>,
  ) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers.on(nodeAddTraits, (request) => this.add(request)).on(nodeRemoveTraits, (request) => this.remove(request));
  }

  async add({ uuid, traits, replace }: RpcRequestOf<typeof nodeAddTraits>): Promise<Record<string, never>> {
    await this.locks.withLock(uuid, 'add node traits', async ({ node }) => {
      const after = new Set(replace ? traits : [...(await this.traits.namesOf(node.id)), ...traits]);
      if (after.size > MAX_TRAITS_PER_NODE) {
        throw new InvalidParameterValueError(
          `Could not modify traits for node ${uuid} as it would exceed the maximum number of traits per node (${after.size} vs. ${MAX_TRAITS_PER_NODE})`,
        );
      }
      if (replace) await this.traits.replace(node.id, traits);
      else await this.traits.add(node.id, traits);
      this.log.info({ node: uuid, traits, replace }, 'node traits added');
    });
    return {};
  }

  async remove({ uuid, traits }: RpcRequestOf<typeof nodeRemoveTraits>): Promise<Record<string, never>> {
    await this.locks.withLock(uuid, 'remove node traits', async ({ node }) => {
      if (traits !== undefined) {
        const present = await this.traits.namesOf(node.id);
        const missing = traits.find((trait) => !present.includes(trait));
        if (missing !== undefined) throw new NodeTraitNotFoundError({ node: uuid, trait: missing });
      }
      await this.traits.remove(node.id, traits);
      this.log.info({ node: uuid, traits: traits ?? 'all' }, 'node traits removed');
    });
    return {};
  }
}
