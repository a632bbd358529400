import { InvalidParameterValueError, MissingParameterValueError } from '@slipway/errors';
import { DriverInterface } from '../driver-interface';
import { RAID_LOGICAL_DISK_PROPERTIES, validateRaidConfig, type RaidConfig } from '../raid-config';
import { booleanArg } from '../steps/step-args';
import type { StepArgs, StepArgsInfo, StepOutcome } from '../steps/step.types';
import type { DriverTask } from '../task';

export interface RaidCreateOptions {
  createRootVolume?: boolean;
  createNonrootVolumes?: boolean;
  /** Remove the existing configuration first (true by default). */
  deleteExisting?: boolean;
}

/** The argsinfo of a create_configuration step: the RaidCreateOptions by wire name. */
export const RAID_CREATE_ARGSINFO: StepArgsInfo = {
  create_root_volume: { description: 'Build the root volume (true by default).', required: false },
  create_nonroot_volumes: { description: 'Build the other volumes (true by default).', required: false },
  delete_existing: { description: 'Remove the current configuration first (true by default).', required: false },
};

/** The argsinfo of a deploy-time apply_configuration step: the configuration to build, and the create options. */
export const RAID_APPLY_ARGSINFO: StepArgsInfo = {
  raid_config: { description: 'The RAID configuration to build.', required: true },
  ...RAID_CREATE_ARGSINFO,
};

/** The RaidCreateOptions of a step's arguments (RAID_CREATE_ARGSINFO); each true when absent. */
export function raidCreateOptions(args: StepArgs): RaidCreateOptions {
  return {
    createRootVolume: booleanArg(args, 'create_root_volume', true),
    createNonrootVolumes: booleanArg(args, 'create_nonroot_volumes', true),
    deleteExisting: booleanArg(args, 'delete_existing', true),
  };
}

/**
 * The options of createConfiguration with their defaults (all true), refused when they exclude
 * both the root and the other volumes, or when the node has no target RAID configuration.
 */
export function resolveRaidCreateOptions(task: DriverTask, options: RaidCreateOptions): Required<RaidCreateOptions> {
  const { createRootVolume = true, createNonrootVolumes = true, deleteExisting = true } = options;
  if (!createRootVolume && !createNonrootVolumes) {
    throw new InvalidParameterValueError('A RAID configuration is built with the root volume, the other volumes, or both; both were excluded.');
  }
  if (!Array.isArray(task.node.targetRaidConfig['logical_disks'])) throw new MissingParameterValueError(`Node ${task.node.uuid} has no target RAID configuration.`);
  return { createRootVolume, createNonrootVolumes, deleteExisting };
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
