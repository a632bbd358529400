import {
  DriverOperationError,
  InvalidParameterValueError,
  POWER_OFF,
  POWER_ON,
  POWER_TARGETS,
  PowerInterface,
  REBOOT,
  requireExclusiveLock,
  SOFT_POWER_OFF,
  SOFT_REBOOT,
  type DriverTask,
  type PowerState,
  type PowerTarget,
} from '@slipway/drivers-framework';
import { RedfishHttpError, type ComputerSystem } from '@slipway/redfish-client';
import { redfishCall } from './redfish-failure';
import { withRedfishDriverInfo } from './with-redfish-driver-info';
import type { RedfishNodes } from './redfish-nodes';
import { restoreOneTimeBootDevice } from './boot-device';

/** Redfish PowerState → Ironic's power state (transitions count as where they are going). */
const POWER_STATE_OF: Readonly<Record<string, PowerState>> = { On: POWER_ON, PoweringOn: POWER_ON, Off: POWER_OFF, PoweringOff: POWER_OFF };

/** The reset that performs each request, and the state it ends in. */
const RESETS: Readonly<Record<Exclude<PowerTarget, typeof REBOOT>, { resetType: string; settles: PowerState }>> = {
  [POWER_ON]: { resetType: 'On', settles: POWER_ON },
  [POWER_OFF]: { resetType: 'ForceOff', settles: POWER_OFF },
  [SOFT_POWER_OFF]: { resetType: 'GracefulShutdown', settles: POWER_OFF },
  [SOFT_REBOOT]: { resetType: 'GracefulRestart', settles: POWER_ON },
};

/** A power-on refused with 409 ActionParameterValueConflict: the BMC is still settling (Ironic's power_on_conflict_retry_*). */
const CONFLICT_RETRIES = 6;
const CONFLICT_RETRY_MS = 10_000;

/**
 * Power through ComputerSystem.Reset. Every request waits until the BMC reports the state it
 * asked for, within the caller's timeout or power_state_change_timeout; reboot is ForceOff then
 * On, re-applying a one-time boot device the management interface keeps for BMCs without
 * persistent boot. A 400/409 when the system is already where it was asked to go is success.
 */
export class RedfishPowerInterface extends withRedfishDriverInfo(PowerInterface) {
  static readonly interfaceName: string = 'redfish';

  constructor(private readonly nodes: RedfishNodes) {
    super();
  }


  async getPowerState(task: DriverTask): Promise<PowerState> {
    return redfishCall(task, 'reading the power state', async () => powerStateOf(task, await this.nodes.system(task)));
  }

  async setPowerState(task: DriverTask, target: PowerTarget, timeoutSeconds?: number): Promise<void> {
    requireExclusiveLock(task);
    if (target === REBOOT) return this.reboot(task, timeoutSeconds);
    const reset = RESETS[target as keyof typeof RESETS];
    if (!reset) throw new InvalidParameterValueError(`Invalid power state ${String(target)}; supported are ${POWER_TARGETS.join(', ')}.`);
    const timeout = this.timeoutOf(timeoutSeconds);
    await redfishCall(task, `setting the power state to ${target}`, async () => {
      const system = await this.nodes.system(task);
      if (reset.settles === POWER_ON) await restoreOneTimeBootDevice(this.nodes, task, system);
      await this.resetTo(task, system, reset.resetType, reset.settles);
      await this.waitFor(task, reset.settles, timeout, target);
    });
  }

  /** A hard reboot: ForceOff and wait, then On and wait (the boot device restored in between). */
  async reboot(task: DriverTask, timeoutSeconds?: number): Promise<void> {
    requireExclusiveLock(task);
    const timeout = this.timeoutOf(timeoutSeconds);
    await redfishCall(task, 'rebooting', async () => {
      let system = await this.nodes.system(task);
      if (powerStateOf(task, system) === POWER_ON) {
        await this.resetTo(task, system, 'ForceOff', POWER_OFF);
        await this.waitFor(task, POWER_OFF, timeout, REBOOT);
        system = await this.nodes.system(task);
      }
      await restoreOneTimeBootDevice(this.nodes, task, system);
      await this.resetTo(task, system, 'On', POWER_ON);
      await this.waitFor(task, POWER_ON, timeout, REBOOT);
    });
  }

  override async getSupportedPowerStates(_task: DriverTask): Promise<PowerTarget[]> {
    return [POWER_ON, POWER_OFF, REBOOT, SOFT_REBOOT, SOFT_POWER_OFF];
  }

  /** Sends the reset; refusals that only mean "already there" or "still settling" are handled. */
  private async resetTo(task: DriverTask, system: ComputerSystem, resetType: string, settles: PowerState): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await system.reset(resetType);
        return;
      } catch (error) {
        if (!(error instanceof RedfishHttpError) || (error.status !== 400 && error.status !== 409)) throw error;
        if (settles === POWER_ON && error.status === 409 && error.hasMessage('ActionParameterValueConflict') && attempt < CONFLICT_RETRIES) {
          task.log.info({ node: task.node.uuid, attempt }, 'the BMC refused power on while settling; trying again');
          await this.nodes.options.sleep(CONFLICT_RETRY_MS);
          continue;
        }
        const now = await this.nodes.system(task);
        if (powerStateOf(task, now) === settles || /already (powered|power) ?(on|off)|host is powered (on|off)/i.test(error.message)) return;
        throw error;
      }
    }
  }

  /** Polls PowerState until it is `state`; a power failure naming both states after the timeout. */
  private async waitFor(task: DriverTask, state: PowerState, timeoutSeconds: number, requested: PowerTarget): Promise<void> {
    const { sleep, powerPollIntervalSeconds } = this.nodes.options;
    const deadline = Date.now() + timeoutSeconds * 1000;
    for (;;) {
      const system = await this.nodes.system(task);
      const reported = system.powerState;
      if (reported === (state === POWER_ON ? 'On' : 'Off')) return;
      if (Date.now() >= deadline) {
        throw new DriverOperationError({
          driver: 'redfish',
          reason: `node ${task.node.uuid} did not reach ${state} within ${timeoutSeconds} seconds of the ${requested} request; the BMC reports PowerState ${reported ?? 'nothing'}`,
        });
      }
      await sleep(Math.min(powerPollIntervalSeconds * 1000, Math.max(deadline - Date.now(), 1)));
    }
  }

  private timeoutOf(timeoutSeconds: number | undefined): number {
    if (timeoutSeconds === undefined) return this.nodes.options.powerStateChangeTimeoutSeconds;
    if (!(Number.isInteger(timeoutSeconds) && timeoutSeconds > 0)) {
      throw new InvalidParameterValueError(`The power timeout must be a positive integer of seconds, got ${String(timeoutSeconds)}.`);
    }
    return timeoutSeconds;
  }
}

function powerStateOf(task: DriverTask, system: ComputerSystem): PowerState {
  const state = POWER_STATE_OF[system.powerState ?? ''];
  if (!state) throw new DriverOperationError({ driver: 'redfish', reason: `the BMC of node ${task.node.uuid} reports an unknown PowerState ${JSON.stringify(system.powerState ?? null)}` });
  return state;
}
