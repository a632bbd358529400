import { DriverInterface } from '../driver-interface';
import type { JsonObject } from '../driver-node';
import type { StepOutcome } from '../steps/step.types';
import type { DriverTask } from '../task';

/** Discovers the node's hardware (properties, ports). */
export abstract class InspectInterface extends DriverInterface {
  static readonly interfaceType = 'inspect';

  /** Done, or STEP_WAIT when the result arrives later (inspection ramdisk). */
  abstract inspectHardware(task: DriverTask): Promise<StepOutcome>;

  /**
   * Processes what the inspection ramdisk sent (`POST /v1/continue_inspection`): the inventory,
   * which must not be changed, and the plugin data, which may be (it is stored afterwards).
   * Done, or STEP_WAIT when the data is processed elsewhere and the node waits again. An
   * implementation without it takes the data as it is: the conductor stores it and finishes.
   */
  continueInspection?(task: DriverTask, inventory: Readonly<JsonObject>, pluginData: JsonObject): Promise<StepOutcome>;
}
