import { Inject, Injectable } from '@nestjs/common';
import type { NodeEntity } from '@slipway/db';
import { NodeRepository } from '@slipway/db';
import { periodic, PeriodicContext } from '@slipway/drivers-framework';
import { getLogger } from '@slipway/logging';
import { PROVISION_STATES as S } from '@slipway/provisioning';
import { NodeHistoryRecorder } from '../history/node-history.recorder';
import { NodeTaskRunner } from '../tasks/node-task.runner';
import { OwnedNodes } from './owned-nodes';
import { ConductorPeriodicSettings, PERIODIC_SETTINGS } from './periodic-settings';
import { unlessBusy } from './unless-busy';

export const POWER_FAILURE_FAULT = 'power failure';

/** Provision states whose power the sync leaves alone (Ironic's SYNC_POWER_STATE skip list). */
const SKIPPED_STATES = new Set<string>([S.DEPLOYWAIT, S.CLEANWAIT, S.ENROLL, S.ADOPTFAIL]);

/**
 * Ironic's power state sync and power failure recovery. The sync reads the power of every node
 * this conductor owns (not in maintenance, not locked, no power action pending) with bounded
 * parallelism, under a shared lock upgraded only when something must be written. The database
 * is the truth, as with Ironic's force_power_state_during_sync: hardware found in another state
 * is put back. After `powerStateSyncMaxRetries` failed reads in a row a node goes into
 * maintenance with fault "power failure"; the recovery task brings it back once its power reads.
 */
@Injectable()
export class PowerStateSync {
  private readonly log = getLogger('PowerStateSync');
  /** Failed reads in a row, per node id: failing nodes go first in the next pass, as in Ironic. */
  private readonly failures = new Map<number, number>();

  constructor(
    private readonly owned: OwnedNodes,
    private readonly tasks: NodeTaskRunner,
    private readonly nodes: NodeRepository,
    private readonly history: NodeHistoryRecorder,
    @Inject(PERIODIC_SETTINGS) private readonly settings: ConductorPeriodicSettings,
  ) {}

  @periodic({ name: 'power state sync', spacing: (self: PowerStateSync) => self.settings.syncPowerStateInterval })
  async syncPowerStates(context: PeriodicContext): Promise<void> {
    const started = Date.now();
    const queue: NodeEntity[] = [];
    for await (const node of this.owned.matching({ maintenance: false, reserved: false }, context.signal)) {
      if (!SKIPPED_STATES.has(node.provisionState) && node.targetPowerState === null) queue.push(node);
    }
    queue.sort((a, b) => (this.failures.get(b.id) ?? 0) - (this.failures.get(a.id) ?? 0));
    const listedMs = Date.now() - started;
    let next = 0;
    const worker = async () => {
      while (next < queue.length && !context.signal.aborted) await this.syncOne(queue[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(this.settings.syncPowerStateWorkers, queue.length) }, worker));
    // Once per interval: operators (and bench/power-sync.mjs) see whether a pass fits its spacing.
    this.log.info({ nodes: queue.length, listedMs, tookMs: Date.now() - started }, 'power state sync pass done');
  }

  @periodic({ name: 'power failure recovery', spacing: (self: PowerStateSync) => self.settings.powerFailureRecoveryInterval })
  async recoverPowerFailures(context: PeriodicContext): Promise<void> {
    for await (const node of this.owned.matching({ maintenance: true, fault: POWER_FAILURE_FAULT, reserved: false }, context.signal)) {
      await this.ignoringLocked(async () => {
        const powerState = await this.tasks.shared(node, 'power failure recovery', async ({ task }) => task.driver.power.getPowerState(task)).catch(() => undefined);
        if (powerState === undefined) return; // still failing: stays in maintenance
        await this.tasks.exclusive(node.uuid, 'power failure recovery', async ({ task }) => {
          if (!task.node.maintenance) return;
          task.node.maintenance = false;
          task.node.powerState = powerState;
          await this.nodes.update(node.id, { maintenanceReason: null, fault: null });
        });
        this.failures.delete(node.id);
        this.log.info({ node: node.uuid, powerState }, 'power can be read again; the node left maintenance');
        await this.history.power(node.id, node.provisionState, 'INFO', `Power failure recovered: the power state reads ${powerState} again; maintenance ended.`);
      });
    }
  }

  private async syncOne(node: NodeEntity): Promise<void> {
    await this.ignoringLocked(() =>
      this.tasks.shared(node, 'power state sync', async (context) => {
        let actual: string;
        try {
          actual = await context.task.driver.power.getPowerState(context.task);
        } catch (error) {
          await this.failedRead(node, error, () => context.upgrade({ attempts: 1 }));
          return;
        }
        this.failures.delete(node.id);
        const recorded = context.task.node.powerState;
        if (actual === recorded) return;
        const task = await context.upgrade({ attempts: 1 });
        // Read again under the lock: a power action may have ended meanwhile.
        if (task.node.targetPowerState !== null || task.node.maintenance || task.node.powerState === actual) return;
        if (task.node.powerState === null) {
          task.node.powerState = actual;
          return;
        }
        const wanted = task.node.powerState;
        this.log.warn({ node: node.uuid, recorded: wanted, actual }, 'power state mismatch; putting the hardware back in the recorded state');
        await this.history.power(node.id, node.provisionState, 'WARNING', `During sync_power_state, node ${node.uuid} was found ${actual} while its recorded power state is ${wanted}; setting it back to ${wanted}.`);
        await task.driver.power.setPowerState(task, wanted as Parameters<typeof task.driver.power.setPowerState>[1]);
      }),
    );
  }

  private async failedRead(node: NodeEntity, error: unknown, upgrade: () => Promise<{ node: { maintenance: boolean } }>): Promise<void> {
    const count = (this.failures.get(node.id) ?? 0) + 1;
    this.failures.set(node.id, count);
    this.log.warn({ node: node.uuid, err: error, failures: count }, 'could not read the power state');
    if (count < this.settings.powerStateSyncMaxRetries) return;
    const task = await upgrade();
    // Under the lock: an operator may have put the node into maintenance meanwhile.
    if (task.node.maintenance) return;
    task.node.maintenance = true;
    const reason = `During sync_power_state, max retries (${count}) exceeded reading the power state of node ${node.uuid}; switching it to maintenance mode. Last error: ${error instanceof Error ? error.message : String(error)}`;
    await this.nodes.update(node.id, { maintenanceReason: reason, fault: POWER_FAILURE_FAULT });
    this.failures.delete(node.id);
    await this.history.power(node.id, node.provisionState, 'ERROR', reason);
  }

  /** One node's failure never stops the pass; busy nodes wait for the next one. */
  private async ignoringLocked(work: () => Promise<void>): Promise<void> {
    await unlessBusy(work).catch((error: unknown) => this.log.error({ err: error }, 'power state sync of a node failed'));
  }
}
