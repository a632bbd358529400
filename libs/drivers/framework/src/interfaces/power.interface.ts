import { DriverInterface } from '../driver-interface';
import { POWER_OFF, POWER_ON, REBOOT, type PowerState, type PowerTarget } from '../hardware.constants';
import type { DriverTask } from '../task';

/** Turns the node on and off and says which it is. */
export abstract class PowerInterface extends DriverInterface {
  static readonly interfaceType = 'power';

  abstract getPowerState(task: DriverTask): Promise<PowerState>;

  /** `timeoutSeconds`: how long to wait for the node to reach the state (the implementation's default when omitted). */
  abstract setPowerState(task: DriverTask, state: PowerTarget, timeoutSeconds?: number): Promise<void>;

  abstract reboot(task: DriverTask, timeoutSeconds?: number): Promise<void>;

  async getSupportedPowerStates(_task: DriverTask): Promise<PowerTarget[]> {
    return [POWER_ON, POWER_OFF, REBOOT];
  }

  /** Whether the periodic power-state sync may act on what getPowerState reports. */
  supportsPowerSync(_task: DriverTask): boolean {
    return true;
  }
}
