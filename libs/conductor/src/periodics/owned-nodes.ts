import { Inject, Injectable } from '@nestjs/common';
import { RingDirectory } from '@slipway/cluster';
import type { ConductorNodeFilter, NodeEntity } from '@slipway/db';
import { NodeRepository } from '@slipway/db';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from '../conductor-identity';

/** Rows read per query while walking the nodes: bounds memory at 10,000s of nodes. */
const BATCH = 500;

export type OwnedNodeFilter = Omit<ConductorNodeFilter, 'conductorGroup' | 'drivers' | 'afterId' | 'limit'>;

/**
 * The nodes this conductor owns now (Ironic's iter_nodes): candidates of its group and hardware
 * types from the database, kept when the ring maps them here. Two conductors may briefly both
 * believe they own a node while the membership changes, which is why every write takes the lock.
 */
@Injectable()
export class OwnedNodes {
  constructor(
    private readonly nodes: NodeRepository,
    private readonly rings: RingDirectory,
    @Inject(CONDUCTOR_IDENTITY) private readonly identity: ConductorIdentity,
  ) {}

  async *matching(filter: OwnedNodeFilter, signal?: AbortSignal): AsyncGenerator<NodeEntity> {
    let afterId = 0;
    for (;;) {
      if (signal?.aborted) return;
      const batch = await this.nodes.listForConductor({ ...filter, conductorGroup: this.identity.conductorGroup, drivers: this.identity.enabledHardwareTypes, afterId, limit: BATCH });
      for (const node of batch) if (await this.isMine(node)) yield node;
      if (batch.length < BATCH) return;
      afterId = batch[batch.length - 1].id;
    }
  }

  async isMine(node: NodeEntity): Promise<boolean> {
    try {
      return (await this.rings.ownerOf({ uuid: node.uuid, conductorGroup: node.conductorGroup, driver: node.driver })) === this.identity.hostname;
    } catch {
      return false; // no ring for it: nobody owns it now
    }
  }
}
