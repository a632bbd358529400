import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RingDirectory } from '@slipway/cluster';
import { ConductorRepository, NodeRepository } from '@slipway/db';
import { periodic, PeriodicContext } from '@slipway/drivers-framework';
import { getLogger } from '@slipway/logging';
import { PROVISION_STATES as S } from '@slipway/provisioning';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from '../conductor-identity';
import { NodeHistoryRecorder } from '../history/node-history.recorder';
import { MembershipWatch } from '../membership/membership-watch.service';
import { ProvisionHandler } from '../provisioning/provision.handler';
import { NodeTaskRunner } from '../tasks/node-task.runner';
import { OwnedNodes } from './owned-nodes';
import { PeriodicTaskRunner } from './periodic-task.runner';
import { ConductorPeriodicSettings, PERIODIC_SETTINGS } from './periodic-settings';
import { ReleasedAtStart } from '../registration/released-at-start';
import { unlessBusy } from './unless-busy';

export const ORPHAN_CHECK = 'orphan node check';
export const LOCAL_STATE_SYNC = 'local state sync';

/** Busy states whose work dies with its conductor, and that a new owner resumes (Ironic fails them). */
const RESUMED_ON_TAKEOVER = new Set<string>([S.DEPLOYING, S.CLEANING, S.SERVICING, S.INSPECTING, S.VERIFYING, S.ADOPTING, S.RESCUING, S.UNRESCUING, S.DELETING]);

/**
 * Taking over the nodes of conductors that died or left. The orphan check frees the nodes this
 * conductor now owns from locks held by conductors that are not alive, aborts a pending power
 * action, and resumes the provisioning work that died with its conductor, from the last
 * completed step (wait states are left alone: the callback that ends the wait comes here). The
 * local state sync takes over active nodes last prepared by another conductor (`deploy.prepare`
 * + `deploy.takeOver`, then conductor_affinity). Both run periodically and at once after a
 * membership change.
 */
@Injectable()
export class Takeover implements OnApplicationBootstrap {
  private readonly log = getLogger('Takeover');
  private conductorId?: number;

  constructor(
    private readonly owned: OwnedNodes,
    private readonly nodes: NodeRepository,
    private readonly conductors: ConductorRepository,
    private readonly rings: RingDirectory,
    private readonly tasks: NodeTaskRunner,
    private readonly provisioning: ProvisionHandler,
    private readonly history: NodeHistoryRecorder,
    private readonly watch: MembershipWatch,
    private readonly periodics: PeriodicTaskRunner,
    @Inject(CONDUCTOR_IDENTITY) private readonly identity: ConductorIdentity,
    @Inject(PERIODIC_SETTINGS) private readonly settings: ConductorPeriodicSettings,
    private readonly releasedAtStart: ReleasedAtStart,
  ) {}

  onApplicationBootstrap(): void {
    this.watch.onChange(async () => {
      await this.periodics.runNow(ORPHAN_CHECK);
      await this.periodics.runNow(LOCAL_STATE_SYNC);
    });
  }

  @periodic({ name: ORPHAN_CHECK, spacing: (self: Takeover) => self.settings.checkProvisionStateInterval })
  async checkOrphans(context: PeriodicContext): Promise<void> {
    // Nodes whose locks this conductor's previous run left (it crashed): their work died with it.
    for (const node of this.releasedAtStart.take()) {
      if (!node.maintenance && RESUMED_ON_TAKEOVER.has(node.provisionState)) await this.resume(node.uuid, `${this.identity.hostname} (its previous run)`);
    }
    const live = (await this.rings.reload()).map((member) => member.hostname);
    for await (const node of this.owned.matching({ reservedByNoneOf: live }, context.signal)) {
      const dead = node.reservation as string;
      if (!(await this.nodes.release(node.id, dead))) continue; // someone was quicker
      this.log.warn({ node: node.uuid, deadConductor: dead }, 'released the lock of a conductor that is not alive');
      if (node.targetPowerState !== null) {
        await unlessBusy(() =>
          this.tasks.exclusive(node.uuid, 'conductor take over', async ({ task }) => {
            if (task.node.targetPowerState === null) return;
            task.node.targetPowerState = null;
            await this.history.power(node.id, task.node.provisionState, 'WARNING', `Pending power operation was aborted due to conductor take over (conductor ${dead} is not alive).`);
          }),
        );
      }
      // In maintenance, work waits for the operator, as it would have on its first conductor.
      if (!node.maintenance && RESUMED_ON_TAKEOVER.has(node.provisionState)) await this.resume(node.uuid, dead);
    }
  }

  private async resume(uuid: string, deadConductor: string): Promise<void> {
    await unlessBusy(() => this.provisioning.resume(uuid, deadConductor)).catch((error: unknown) =>
      this.log.error({ node: uuid, err: error }, 'could not resume the provisioning of a taken-over node'),
    );
  }

  @periodic({ name: LOCAL_STATE_SYNC, spacing: (self: Takeover) => self.settings.syncLocalStateInterval })
  async syncLocalState(context: PeriodicContext): Promise<void> {
    const me = (this.conductorId ??= (await this.conductors.idOf(this.identity.hostname)) ?? undefined);
    if (me === undefined) return; // not registered (yet)
    for await (const node of this.owned.matching({ provisionStates: [S.ACTIVE], maintenance: false, reserved: false, affinityOtherThan: me }, context.signal)) {
      await unlessBusy(() =>
        this.tasks.exclusive(node.uuid, 'conductor take over', async ({ task, row }) => {
          if (task.node.provisionState !== S.ACTIVE || task.node.maintenance || row.conductorAffinity === me) return;
          await task.driver.deploy.prepare(task);
          await task.driver.deploy.takeOver(task);
          await this.nodes.update(row.id, { conductorAffinity: me });
          this.log.info({ node: node.uuid, previous: row.conductorAffinity }, 'took over an active node');
        }),
      ).catch((error: unknown) => this.log.error({ node: node.uuid, err: error }, 'could not take over an active node'));
    }
  }
}
