import { Inject, Injectable } from '@nestjs/common';
import { NodeHistoryRepository } from '@slipway/db';
import { periodic, PeriodicContext } from '@slipway/drivers-framework';
import { getLogger } from '@slipway/logging';
import { OwnedNodes } from './owned-nodes';
import { ConductorPeriodicSettings, PERIODIC_SETTINGS } from './periodic-settings';

/** Node ids handed to one delete. */
const CHUNK = 500;

/**
 * Ironic's manage_node_history: keeps each of this conductor's nodes to its newest
 * `nodeHistoryMaxEntries` entries (entries younger than `nodeHistoryMinimumDays` stay), deleting
 * at most `nodeHistoryCleanupBatchCount` entries per run so a large backlog drains over runs.
 */
@Injectable()
export class NodeHistoryCleanup {
  private readonly log = getLogger('NodeHistoryCleanup');

  constructor(
    private readonly owned: OwnedNodes,
    private readonly history: NodeHistoryRepository,
    @Inject(PERIODIC_SETTINGS) private readonly settings: ConductorPeriodicSettings,
  ) {}

  @periodic({ name: 'node history cleanup', spacing: (self: NodeHistoryCleanup) => self.settings.nodeHistoryCleanupInterval })
  async cleanUp(context: PeriodicContext): Promise<void> {
    let budget = this.settings.nodeHistoryCleanupBatchCount;
    let ids: number[] = [];
    const prune = async () => {
      budget -= await this.history.pruneOldest(ids, { maxEntries: this.settings.nodeHistoryMaxEntries, minimumDays: this.settings.nodeHistoryMinimumDays, batch: budget });
      ids = [];
    };
    for await (const node of this.owned.matching({}, context.signal)) {
      ids.push(node.id);
      if (ids.length >= CHUNK) await prune();
      if (budget <= 0) break;
    }
    if (budget > 0) await prune();
    const deleted = this.settings.nodeHistoryCleanupBatchCount - budget;
    if (deleted > 0) this.log.info({ deleted }, 'node history cleaned up');
  }
}
