import { InvalidParameterValueError } from '@slipway/errors';

// RAID documents keep Ironic's wire names (snake_case): they are stored and returned as sent.

export const RAID_LEVELS = ['0', '1', '2', '5', '6', '1+0', '5+0', '6+0', 'JBOD'] as const;
export type RaidLevel = (typeof RAID_LEVELS)[number];

export interface LogicalDisk {
  /** Gigabytes, or 'MAX' for the rest of the space. */
  size_gb: number | 'MAX';
  raid_level: RaidLevel;
  is_root_volume?: boolean;
  volume_name?: string;
  share_physical_disks?: boolean;
  disk_type?: 'hdd' | 'ssd';
  interface_type?: 'sata' | 'scsi' | 'sas';
  number_of_physical_disks?: number;
  controller?: string;
  physical_disks?: unknown[];
}

export interface RaidConfig {
  logical_disks: LogicalDisk[];
}

export const RAID_LOGICAL_DISK_PROPERTIES: Readonly<Record<string, string>> = Object.freeze({
  size_gb: "Size of the logical disk in GiB, or 'MAX' for all the space left. Required.",
  raid_level: `RAID level: one of ${RAID_LEVELS.join(', ')}. Required.`,
  is_root_volume: 'Whether the instance image goes on this logical disk (at most one). Optional.',
  volume_name: 'Name of the volume, when the controller supports names. Optional.',
  share_physical_disks: 'Whether this logical disk may share physical disks with others. Optional.',
  disk_type: "Kind of physical disks to use: 'hdd' or 'ssd'. Optional.",
  interface_type: "Interface of the physical disks to use: 'sata', 'scsi' or 'sas'. Optional.",
  number_of_physical_disks: 'How many physical disks to build the logical disk from. Optional.',
  controller: 'The controller that owns the logical disk. Optional.',
  physical_disks: 'The physical disks to use, in the controller’s notation. Optional.',
});

const OPTIONAL_CHECKS: Record<string, (value: unknown) => boolean> = {
  is_root_volume: (v) => typeof v === 'boolean',
  volume_name: (v) => typeof v === 'string',
  share_physical_disks: (v) => typeof v === 'boolean',
  disk_type: (v) => v === 'hdd' || v === 'ssd',
  interface_type: (v) => v === 'sata' || v === 'scsi' || v === 'sas',
  number_of_physical_disks: (v) => Number.isInteger(v) && (v as number) >= 1,
  controller: (v) => typeof v === 'string',
  physical_disks: (v) => Array.isArray(v),
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function diskProblems(disk: unknown, index: number): string[] {
  const where = `logical_disks[${index}]`;
  if (!isObject(disk)) return [`${where} must be an object`];
  const problems: string[] = [];
  const size = disk['size_gb'];
  if (!(size === 'MAX' || (Number.isInteger(size) && (size as number) >= 0))) {
    problems.push(`${where}.size_gb must be a non-negative integer or 'MAX'`);
  }
  if (!(RAID_LEVELS as readonly unknown[]).includes(disk['raid_level'])) {
    problems.push(`${where}.raid_level must be one of ${RAID_LEVELS.join(', ')}`);
  }
  for (const [key, value] of Object.entries(disk)) {
    if (key === 'size_gb' || key === 'raid_level') continue;
    const check = OPTIONAL_CHECKS[key];
    if (check === undefined) problems.push(`${where} has an unknown field ${key}`);
    else if (!check(value)) problems.push(`${where}.${key} has an invalid value`);
  }
  return problems;
}

/** Checks a target RAID configuration against the generic schema; lists every problem at once. */
export function validateRaidConfig(raidConfig: unknown): RaidConfig {
  if (!isObject(raidConfig) || !Array.isArray(raidConfig['logical_disks']) || raidConfig['logical_disks'].length === 0) {
    throw new InvalidParameterValueError('RAID configuration is invalid: it needs a non-empty logical_disks list.');
  }
  const disks = raidConfig['logical_disks'] as unknown[];
  const problems = [
    ...Object.keys(raidConfig)
      .filter((key) => key !== 'logical_disks')
      .map((key) => `unknown field ${key}`),
    ...disks.flatMap((disk, index) => diskProblems(disk, index)),
  ];
  if (disks.filter((disk) => isObject(disk) && disk['is_root_volume'] === true).length > 1) {
    problems.push('only one logical disk may be the root volume');
  }
  if (problems.length > 0) {
    throw new InvalidParameterValueError(`RAID configuration is invalid: ${problems.join('; ')}.`);
  }
  return raidConfig as unknown as RaidConfig;
}
