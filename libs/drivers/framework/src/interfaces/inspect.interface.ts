import { DriverInterface } from '../driver-interface';
import type { JsonObject } from '../driver-node';
import type { StepOutcome } from '../steps/step.types';
import type { DriverTask } from '../task';

/**
 * What an out-of-band inspection found, in the inventory format the inspection ramdisk sends
 * (`cpu`, `memory`, `disks`, `interfaces[].mac_address`, `system_vendor`, `boot`). The conductor
 * stores it as the node's inventory and creates a port for every interface MAC it does not know
 * yet (Ironic's `ports` inspection hook); the driver sets the node's properties itself.
 */
export interface InspectionReport {
  readonly inventory: JsonObject;
  readonly pluginData?: JsonObject;
}

/** Done, STEP_WAIT when the result arrives later (inspection ramdisk), or what was found. */
export type InspectOutcome = StepOutcome | InspectionReport;

/** Discovers the node's hardware (properties, ports). */
export abstract class InspectInterface extends DriverInterface {
  static readonly interfaceType = 'inspect';

  abstract inspectHardware(task: DriverTask): Promise<InspectOutcome>;

  /**
   * Processes what the inspection ramdisk sent (`POST /v1/continue_inspection`): the inventory,
   * which must not be changed, and the plugin data, which may be (it is stored afterwards).
   * Done, or STEP_WAIT when the data is processed elsewhere and the node waits again. An
   * implementation without it takes the data as it is: the conductor stores it and finishes.
   */
  continueInspection?(task: DriverTask, inventory: Readonly<JsonObject>, pluginData: JsonObject): Promise<StepOutcome>;
}

/** Whether an inspection outcome carries a report. */
export function isInspectionReport(outcome: InspectOutcome): outcome is InspectionReport {
  return typeof outcome === 'object' && outcome !== null && typeof (outcome as InspectionReport).inventory === 'object';
}
