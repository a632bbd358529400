import { DriverInterface } from '../driver-interface';
import type { StepOutcome } from '../steps/step.types';
import type { DriverTask } from '../task';

export interface FirmwareUpdate {
  /** e.g. `bios`, `bmc`, `nic:<id>`. */
  component: string;
  url: string;
}

/** Updates component firmware. */
export abstract class FirmwareInterface extends DriverInterface {
  static readonly interfaceType = 'firmware';

  abstract update(task: DriverTask, updates: readonly FirmwareUpdate[]): Promise<StepOutcome>;
}
