import { InvalidParameterValueError, type LogicalDisk, type RaidLevel } from '@slipway/drivers-framework';
import type { OperationApplyTimeSupport, VolumeCreateBody } from '@slipway/redfish-client';

const GIB = 1024 ** 3;

/** Ironic RAID level → Redfish RAIDType, the fewest drives, and how many drives' worth of them hold data. */
const LEVELS: Readonly<Partial<Record<RaidLevel, { raidType: string; minDrives: number; maxDrives?: number; dataDrives: (drives: number) => number; even?: boolean }>>> = {
  '0': { raidType: 'RAID0', minDrives: 1, dataDrives: (n) => n },
  '1': { raidType: 'RAID1', minDrives: 2, maxDrives: 2, dataDrives: () => 1 },
  '5': { raidType: 'RAID5', minDrives: 3, dataDrives: (n) => n - 1 },
  '6': { raidType: 'RAID6', minDrives: 4, dataDrives: (n) => n - 2 },
  '1+0': { raidType: 'RAID10', minDrives: 4, dataDrives: (n) => n / 2, even: true },
  '5+0': { raidType: 'RAID50', minDrives: 6, dataDrives: (n) => n - 2, even: true },
  '6+0': { raidType: 'RAID60', minDrives: 8, dataDrives: (n) => n - 4, even: true },
};

/** The RAID levels this driver builds. */
export const REDFISH_RAID_LEVELS = Object.keys(LEVELS) as RaidLevel[];

/** Redfish RAIDType → Ironic RAID level (for node.raid_config), undefined for types Ironic has no level for. */
export function raidLevelOf(raidType: string | undefined): RaidLevel | undefined {
  return REDFISH_RAID_LEVELS.find((level) => LEVELS[level]?.raidType === raidType);
}

/** A physical drive as planning sees it. */
export interface PlanDrive {
  id: string;
  path: string;
  capacityBytes: number;
  /** `HDD`, `SSD`. */
  mediaType?: string;
  /** `SAS`, `SATA`, `NVMe`. */
  protocol?: string;
  /** Part of a volume that stays (not deleted first). */
  inUse: boolean;
}

/** A Storage subsystem that can build volumes. */
export interface PlanStorage {
  id: string;
  path: string;
  /** The RAIDTypes its controllers list; undefined when they list none (anything may be tried). */
  supportedRaidTypes?: readonly string[];
  drives: PlanDrive[];
}

/** One volume to create, and where. */
export interface PlannedVolume {
  storage: string;
  /** The logical disk of target_raid_config it realises. */
  logicalDisk: LogicalDisk;
  body: VolumeCreateBody;
}

interface DriveUse {
  free: number;
  /** Taken whole by a volume that does not share its drives. */
  claimed: boolean;
}

/**
 * Picks the drives of each logical disk and builds its Volumes POST body (Ironic's
 * _find_configuration, simplified). Logical disks naming their physical_disks (drive Ids or
 * paths) come first; the others get free drives of one Storage (the named controller's, else
 * the first that fits): the fewest the level allows, the smallest that hold the size. A drive
 * serves one volume unless the volumes on it all say share_physical_disks. `MAX` leaves
 * CapacityBytes out (the controller makes the volume as large as it can) and takes the drives'
 * remaining space. Everything is planned before anything is created, so a configuration that
 * cannot be built fails before the BMC is touched.
 */
export function planVolumes(logicalDisks: readonly LogicalDisk[], storages: readonly PlanStorage[]): PlannedVolume[] {
  const use = new Map<PlanDrive, DriveUse>(storages.flatMap((storage) => storage.drives.map((drive) => [drive, { free: drive.inUse ? 0 : drive.capacityBytes, claimed: drive.inUse }] as const)));
  const indexed = logicalDisks.map((disk, index) => ({ disk, index }));
  // Ironic's order: named drives with a size, then drives to pick, then named drives taking the rest (MAX).
  const named = indexed.filter(({ disk }) => disk.physical_disks !== undefined);
  const order = [...named.filter(({ disk }) => disk.size_gb !== 'MAX'), ...indexed.filter(({ disk }) => disk.physical_disks === undefined), ...named.filter(({ disk }) => disk.size_gb === 'MAX')];
  const planned = new Map<number, PlannedVolume>();
  for (const { disk, index } of order) {
    const where = `logical_disks[${index}] (RAID ${disk.raid_level}, ${disk.size_gb === 'MAX' ? 'MAX' : `${disk.size_gb} GiB`})`;
    const level = LEVELS[disk.raid_level];
    if (!level) throw new InvalidParameterValueError(`${where}: the redfish RAID interface builds RAID levels ${REDFISH_RAID_LEVELS.join(', ')} only.`);
    const candidates = storages.filter((storage) => disk.controller === undefined || sameName(disk.controller, storage.id) || sameName(disk.controller, storage.path));
    if (candidates.length === 0) throw new InvalidParameterValueError(`${where}: there is no Storage ${disk.controller}; the node has ${storages.map((s) => s.id).join(', ') || 'none'}.`);
    const choice = disk.physical_disks !== undefined ? namedDrives(where, disk, candidates, use) : pickDrives(where, disk, candidates, use);
    const { storage, drives } = choice;
    if (storage.supportedRaidTypes && !storage.supportedRaidTypes.includes(level.raidType)) {
      throw new InvalidParameterValueError(`${where}: Storage ${storage.id} does not build ${level.raidType} (it lists ${storage.supportedRaidTypes.join(', ')}).`);
    }
    const problem = countProblem(disk, drives.length);
    if (problem) throw new InvalidParameterValueError(`${where}: ${problem}.`);
    const perDrive = bytesPerDrive(disk, drives.length);
    const short = drives.find((drive) => use.get(drive)!.free < perDrive);
    if (short) throw new InvalidParameterValueError(`${where}: drive ${short.id} of Storage ${storage.id} has not enough free space.`);
    for (const drive of drives) {
      const state = use.get(drive)!;
      state.free = disk.size_gb === 'MAX' ? 0 : state.free - perDrive;
      state.claimed = state.claimed || disk.share_physical_disks !== true;
    }
    planned.set(index, { storage: storage.path, logicalDisk: disk, body: volumeBody(disk, level.raidType, drives) });
  }
  return indexed.map(({ index }) => planned.get(index)!);
}

/** Why `count` drives cannot make the disk's level, or undefined when they can. */
function countProblem(disk: LogicalDisk, count: number): string | undefined {
  const level = LEVELS[disk.raid_level]!;
  if (count < level.minDrives) return `RAID ${disk.raid_level} needs at least ${level.minDrives} drives, ${count} given`;
  if (level.maxDrives !== undefined && count > level.maxDrives) return `RAID ${disk.raid_level} takes at most ${level.maxDrives} drives, ${count} given`;
  if (level.even && count % 2 !== 0) return `RAID ${disk.raid_level} needs an even number of drives, ${count} given`;
  if (disk.number_of_physical_disks !== undefined && disk.number_of_physical_disks !== count) return `number_of_physical_disks is ${disk.number_of_physical_disks}, ${count} given`;
  return undefined;
}

/** The space the disk takes on each of `count` drives; MAX takes what is left, which must be something. */
function bytesPerDrive(disk: LogicalDisk, count: number): number {
  if (disk.size_gb === 'MAX') return 1;
  return Math.ceil((disk.size_gb * GIB) / LEVELS[disk.raid_level]!.dataDrives(count));
}

function namedDrives(where: string, disk: LogicalDisk, storages: readonly PlanStorage[], use: Map<PlanDrive, DriveUse>): { storage: PlanStorage; drives: PlanDrive[] } {
  const names = (disk.physical_disks ?? []).map((name) => {
    if (typeof name !== 'string') throw new InvalidParameterValueError(`${where}: physical_disks lists drive Ids or paths (strings), got ${JSON.stringify(name)}.`);
    return name;
  });
  for (const storage of storages) {
    const drives = names.map((name) => storage.drives.find((drive) => sameName(name, drive.id) || sameName(name, drive.path)));
    if (drives.some((drive) => drive === undefined)) continue;
    const taken = (drives as PlanDrive[]).filter((drive) => use.get(drive)!.claimed && disk.share_physical_disks !== true);
    if (taken.length > 0) throw new InvalidParameterValueError(`${where}: drives ${taken.map((drive) => drive.id).join(', ')} already serve another volume.`);
    return { storage, drives: drives as PlanDrive[] };
  }
  throw new InvalidParameterValueError(`${where}: no Storage has all of the drives ${names.join(', ')}.`);
}

function pickDrives(where: string, disk: LogicalDisk, storages: readonly PlanStorage[], use: Map<PlanDrive, DriveUse>): { storage: PlanStorage; drives: PlanDrive[] } {
  const level = LEVELS[disk.raid_level]!;
  for (const storage of storages) {
    if (storage.supportedRaidTypes && !storage.supportedRaidTypes.includes(level.raidType)) continue;
    const usable = storage.drives
      .filter((drive) => matches(disk, drive))
      .filter((drive) => (disk.share_physical_disks === true ? use.get(drive)!.free > 0 : !use.get(drive)!.claimed))
      .sort((a, b) => use.get(a)!.free - use.get(b)!.free);
    const most = Math.min(usable.length, level.maxDrives ?? usable.length);
    for (let count = disk.number_of_physical_disks ?? level.minDrives; count <= (disk.number_of_physical_disks ?? most); count++) {
      if (countProblem(disk, count)) continue;
      const fitting = usable.filter((drive) => use.get(drive)!.free >= bytesPerDrive(disk, count));
      if (fitting.length >= count) return { storage, drives: fitting.slice(0, count) };
    }
  }
  throw new InvalidParameterValueError(`${where}: no Storage has enough free drives${describeFilters(disk)} for it.`);
}

function matches(disk: LogicalDisk, drive: PlanDrive): boolean {
  if (disk.disk_type !== undefined && drive.mediaType?.toLowerCase() !== disk.disk_type) return false;
  if (disk.interface_type !== undefined && drive.protocol?.toLowerCase() !== disk.interface_type) return false;
  return true;
}

function describeFilters(disk: LogicalDisk): string {
  const filters = [disk.disk_type, disk.interface_type?.toUpperCase()].filter((value) => value !== undefined);
  return filters.length > 0 ? ` (${filters.join(', ')})` : '';
}

function volumeBody(disk: LogicalDisk, raidType: string, drives: readonly PlanDrive[]): VolumeCreateBody {
  return {
    RAIDType: raidType,
    ...(disk.size_gb === 'MAX' ? {} : { CapacityBytes: disk.size_gb * GIB }),
    ...(disk.volume_name !== undefined ? { Name: disk.volume_name } : {}),
    Links: { Drives: drives.map((drive) => ({ '@odata.id': drive.path })) },
  };
}

function sameName(wanted: string, name: string): boolean {
  return wanted.replace(/\/+$/, '').toLowerCase() === name.replace(/\/+$/, '').toLowerCase();
}

/** One volume of the node as node.raid_config describes it (Ironic's update_raid_config). */
export interface VolumeReport {
  id: string;
  name?: string;
  storage: string;
  capacityBytes?: number;
  raidType?: string;
}

/** node.raid_config from the volumes the BMC lists: those with a RAID level Ironic knows. */
export function raidConfigOf(volumes: readonly VolumeReport[]): { logical_disks: Array<Record<string, unknown>> } {
  const logicalDisks = volumes.flatMap((volume) => {
    const level = raidLevelOf(volume.raidType);
    if (!level) return [];
    return [{ id: volume.id, name: volume.name ?? volume.id, controller: volume.storage, size_gb: Math.floor((volume.capacityBytes ?? 0) / GIB), raid_level: level }];
  });
  return { logical_disks: logicalDisks };
}

/** When volume writes take effect: Immediate when the collection takes it, else OnReset (a reboot), else the BMC's own way. */
export function volumeApplyTime(support: OperationApplyTimeSupport | undefined): 'Immediate' | 'OnReset' | undefined {
  const values = support?.supportedValues ?? [];
  return values.includes('Immediate') ? 'Immediate' : values.includes('OnReset') ? 'OnReset' : undefined;
}
