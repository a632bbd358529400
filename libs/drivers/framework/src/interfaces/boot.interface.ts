import { DriverInterface } from '../driver-interface';
import type { DriverTask } from '../task';
import { unsupported } from '../unsupported';

/** Why a ramdisk is booted. */
export type RamdiskMode = 'deploy' | 'cleaning' | 'rescue' | 'inspection' | 'service';

/** Gets the node to boot the deploy ramdisk, then the instance. */
export abstract class BootInterface extends DriverInterface {
  static readonly interfaceType = 'boot';

  /** `ramdiskParams`: kernel parameters for the ramdisk (e.g. the API address it calls back). */
  abstract prepareRamdisk(task: DriverTask, ramdiskParams: Readonly<Record<string, unknown>>, mode?: RamdiskMode): Promise<void>;

  abstract cleanUpRamdisk(task: DriverTask, mode?: RamdiskMode): Promise<void>;

  abstract prepareInstance(task: DriverTask): Promise<void>;

  abstract cleanUpInstance(task: DriverTask): Promise<void>;

  /** Checks what booting the rescue ramdisk needs; unsupported unless provided. */
  async validateRescue(task: DriverTask): Promise<void> {
    return unsupported(task, 'validate_rescue');
  }

  /** Checks what booting the inspection ramdisk needs; unsupported unless provided. */
  async validateInspection(task: DriverTask): Promise<void> {
    return unsupported(task, 'validate_inspection');
  }
}
