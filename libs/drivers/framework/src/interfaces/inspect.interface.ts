import { DriverInterface } from '../driver-interface';
import type { StepOutcome } from '../steps/step.types';
import type { DriverTask } from '../task';

/** Discovers the node's hardware (properties, ports). */
export abstract class InspectInterface extends DriverInterface {
  static readonly interfaceType = 'inspect';

  /** Done, or STEP_WAIT when the result arrives later (inspection ramdisk). */
  abstract inspectHardware(task: DriverTask): Promise<StepOutcome>;
}
