import { DriverInterface } from '../driver-interface';
import { RAID_LOGICAL_DISK_PROPERTIES, validateRaidConfig, type RaidConfig } from '../raid-config';
import type { StepOutcome } from '../steps/step.types';
import type { DriverTask } from '../task';

export interface RaidCreateOptions {
  createRootVolume?: boolean;
  createNonrootVolumes?: boolean;
  /** Remove the existing configuration first (true by default). */
  deleteExisting?: boolean;
}

/** Builds and removes RAID volumes from the node's target_raid_config. */
export abstract class RaidInterface extends DriverInterface {
  static readonly interfaceType = 'raid';

  /** Builds the node's target RAID configuration; records the result in node.raidConfig. */
  abstract createConfiguration(task: DriverTask, options?: RaidCreateOptions): Promise<StepOutcome>;

  abstract deleteConfiguration(task: DriverTask): Promise<StepOutcome>;

  /** Checks a configuration before it is stored as the node's target; the generic schema by default. */
  async validateRaidConfig(_task: DriverTask, raidConfig: unknown): Promise<RaidConfig> {
    return validateRaidConfig(raidConfig);
  }

  /** The logical disk fields this implementation understands: name → description. */
  getLogicalDiskProperties(): Record<string, string> {
    return { ...RAID_LOGICAL_DISK_PROPERTIES };
  }
}
