import { InvalidParameterValueError } from '@slipway/errors';
import {
  POWER_OFF,
  POWER_ON,
  POWER_TARGETS,
  PowerInterface,
  isPowerTarget,
  requireExclusiveLock,
  stablePowerState,
  type DriverTask,
  type PowerState,
  type PowerTarget,
} from '@slipway/drivers-framework';
import { FAKE_KNOB_PROPERTIES, FakeBehaviour } from './fake-behaviour';
import { FAKE_STATE, readFakeState, writeFakeState } from './fake-state';

/** A simulated power switch: remembers the last state it was put in (off for a new node). */
export class FakePowerInterface extends PowerInterface {
  static readonly interfaceName: string = 'fake';

  constructor(private readonly fake: FakeBehaviour = new FakeBehaviour()) {
    super();
  }

  getProperties(): Record<string, string> {
    return { ...FAKE_KNOB_PROPERTIES };
  }

  async validate(task: DriverTask): Promise<void> {
    this.fake.validate(task);
  }

  async getPowerState(task: DriverTask): Promise<PowerState> {
    await this.fake.perform(task, 'power', 'get_power_state');
    return readFakeState(task, FAKE_STATE.powerState) === POWER_ON ? POWER_ON : POWER_OFF;
  }

  async setPowerState(task: DriverTask, state: PowerTarget, timeoutSeconds?: number): Promise<void> {
    requireExclusiveLock(task);
    if (!isPowerTarget(state)) {
      throw new InvalidParameterValueError(`Invalid power state ${String(state)}; supported are ${POWER_TARGETS.join(', ')}.`);
    }
    checkTimeout(timeoutSeconds);
    await this.fake.perform(task, 'power', 'set_power_state');
    writeFakeState(task, FAKE_STATE.powerState, stablePowerState(state));
  }

  async reboot(task: DriverTask, timeoutSeconds?: number): Promise<void> {
    requireExclusiveLock(task);
    checkTimeout(timeoutSeconds);
    await this.fake.perform(task, 'power', 'reboot');
    writeFakeState(task, FAKE_STATE.powerState, POWER_ON);
  }

  override async getSupportedPowerStates(_task: DriverTask): Promise<PowerTarget[]> {
    return [...POWER_TARGETS];
  }
}

function checkTimeout(timeoutSeconds: number | undefined): void {
  if (timeoutSeconds !== undefined && !(Number.isInteger(timeoutSeconds) && timeoutSeconds > 0)) {
    throw new InvalidParameterValueError(`The power timeout must be a positive integer of seconds, got ${String(timeoutSeconds)}.`);
  }
}
