import { DriverInterface } from '../driver-interface';
import type { StepOutcome } from '../steps/step.types';
import type { DriverTask } from '../task';

export interface BiosSetting {
  name: string;
  value: string | null;
}

/** Reads and changes BIOS settings. */
export abstract class BiosInterface extends DriverInterface {
  static readonly interfaceType = 'bios';

  abstract applyConfiguration(task: DriverTask, settings: readonly BiosSetting[]): Promise<StepOutcome>;

  abstract factoryReset(task: DriverTask): Promise<StepOutcome>;

  /**
   * Reads the current settings. Drivers do not touch the database: the conductor stores what this
   * returns in the node's bios_settings.
   */
  abstract cacheBiosSettings(task: DriverTask): Promise<BiosSetting[]>;
}
