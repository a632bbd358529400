import { DriverInterface } from '../driver-interface';
import type { StepOutcome } from '../steps/step.types';
import type { DriverTask } from '../task';

/** Boots an active node into a rescue ramdisk and back. */
export abstract class RescueInterface extends DriverInterface {
  static readonly interfaceType = 'rescue';

  /** Done, or STEP_WAIT until the rescue ramdisk calls back. */
  abstract rescue(task: DriverTask): Promise<StepOutcome>;

  abstract unrescue(task: DriverTask): Promise<void>;

  /** Removes what rescue left behind after a failure. */
  async cleanUp(_task: DriverTask): Promise<void> {}
}
