import { Inject, Injectable } from '@nestjs/common';
import type { NodeEntity } from '@slipway/db';
import { periodic, PeriodicContext } from '@slipway/drivers-framework';
import { getLogger } from '@slipway/logging';
import { PROVISION_STATES as S } from '@slipway/provisioning';
import { ProvisionHandler } from '../provisioning/provision.handler';
import { NodeTaskRunner } from '../tasks/node-task.runner';
import { OwnedNodes } from './owned-nodes';
import { ConductorPeriodicSettings, PERIODIC_SETTINGS } from './periodic-settings';
import { unlessBusy } from './unless-busy';

/** One wait state, how long a node may stay in it, and what its failure says (Ironic's wording). */
interface WaitTimeout {
  state: string;
  seconds: (settings: ConductorPeriodicSettings) => number;
  /** When the wait began: inspection counts from inspection_started_at, the rest from the last provision change. */
  since: (node: NodeEntity) => Date | null;
  message: (node: NodeEntity) => string;
}

const WAIT_TIMEOUTS: readonly WaitTimeout[] = [
  { state: S.DEPLOYWAIT, seconds: (s) => s.deployCallbackTimeout, since: (n) => n.provisionUpdatedAt, message: (n) => `Timeout reached while waiting for callback for node ${n.uuid}` },
  {
    state: S.CLEANWAIT,
    seconds: (s) => s.cleanCallbackTimeout,
    since: (n) => n.provisionUpdatedAt,
    message: () => 'Timeout reached while cleaning the node. Please check if the ramdisk responsible for the cleaning is running on the node.',
  },
  { state: S.INSPECTWAIT, seconds: (s) => s.inspectWaitTimeout, since: (n) => n.inspectionStartedAt ?? n.provisionUpdatedAt, message: () => 'Timeout reached while inspecting the node' },
  { state: S.RESCUEWAIT, seconds: (s) => s.rescueCallbackTimeout, since: (n) => n.provisionUpdatedAt, message: (n) => `Timeout reached while waiting for rescue ramdisk callback for node ${n.uuid}` },
  {
    state: S.SERVICEWAIT,
    seconds: (s) => s.serviceCallbackTimeout,
    since: (n) => n.provisionUpdatedAt,
    message: () => 'Timeout reached while servicing the node. Please check if the ramdisk responsible for the servicing is running on the node.',
  },
];

/**
 * Ironic's _check_deploy_timeouts and its siblings in one task: owned nodes (not locked, not in
 * maintenance) that waited in a callback state longer than its timeout fail, with the reason in
 * last_error and the history. A timeout of 0 turns that check off.
 */
@Injectable()
export class ProvisionTimeouts {
  private readonly log = getLogger('ProvisionTimeouts');

  constructor(
    private readonly owned: OwnedNodes,
    private readonly tasks: NodeTaskRunner,
    private readonly provisioning: ProvisionHandler,
    @Inject(PERIODIC_SETTINGS) private readonly settings: ConductorPeriodicSettings,
  ) {}

  @periodic({ name: 'provision timeouts', spacing: (self: ProvisionTimeouts) => self.settings.checkProvisionStateInterval })
  async failTimedOut(context: PeriodicContext): Promise<void> {
    const checks = WAIT_TIMEOUTS.filter((check) => check.seconds(this.settings) > 0);
    if (!checks.length) return;
    const byState = new Map(checks.map((check) => [check.state, check]));
    for await (const node of this.owned.matching({ provisionStates: [...byState.keys()], maintenance: false, reserved: false }, context.signal)) {
      const check = byState.get(node.provisionState)!;
      if (!this.expired(check, node)) continue;
      await unlessBusy(() =>
        this.tasks.exclusive(node.uuid, `${node.provisionState} timeout`, async (task) => {
          // Under the lock: a callback may have moved the node on meanwhile.
          if (task.row.provisionState !== check.state || !this.expired(check, task.row) || task.row.maintenance) return;
          this.log.warn({ node: node.uuid, state: check.state }, 'provisioning wait timed out');
          await this.provisioning.fail(task, check.message(task.row));
        }),
      );
    }
  }

  private expired(check: WaitTimeout, node: NodeEntity): boolean {
    const since = check.since(node);
    return since !== null && Date.now() - since.getTime() > check.seconds(this.settings) * 1000;
  }
}
