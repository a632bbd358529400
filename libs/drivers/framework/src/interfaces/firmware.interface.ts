import { DriverInterface } from '../driver-interface';
import { objectListArg } from '../steps/step-args';
import type { StepArgs, StepArgsInfo, StepOutcome } from '../steps/step.types';
import type { DriverTask } from '../task';

export interface FirmwareUpdate {
  /** e.g. `bios`, `bmc`, `nic:<id>`. */
  component: string;
  url: string;
}

/** The argsinfo of an update step. */
export const FIRMWARE_UPDATE_ARGSINFO: StepArgsInfo = {
  settings: { description: 'Firmware to flash: a list of {"component": ..., "url": ...} objects.', required: true },
};

/** The updates of an update step's `settings` argument, unchecked. */
export function firmwareUpdatesArg(args: StepArgs): FirmwareUpdate[] {
  return objectListArg(args, 'settings').map((item) => ({ component: item['component'], url: item['url'] }) as FirmwareUpdate);
}

/** Updates component firmware. */
export abstract class FirmwareInterface extends DriverInterface {
  static readonly interfaceType = 'firmware';

  abstract update(task: DriverTask, updates: readonly FirmwareUpdate[]): Promise<StepOutcome>;
}
