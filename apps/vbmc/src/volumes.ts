import { SystemClone } from './clone-systems';
import { isObject, JsonObject, linkTargets } from './json';
import { MockupTree } from './mockup-tree';
import { pathKey } from './paths';
import { RedfishErrors } from './redfish-error';
import { bodyObject } from './request-body';
import { VolumeSet } from './system-state';
import { StorageLayout } from './system-template';

/** Smallest drive count, and usable drives out of n, per RAID level (as Ironic's redfish RAID maps them). */
const RAID_LEVELS: Record<string, { min: number; usable: (drives: number) => number; volumeType: string }> = {
  None: { min: 1, usable: (n) => n, volumeType: 'RawDevice' },
  RAID0: { min: 1, usable: (n) => n, volumeType: 'NonRedundant' },
  RAID1: { min: 2, usable: () => 1, volumeType: 'Mirrored' },
  RAID5: { min: 3, usable: (n) => n - 1, volumeType: 'StripedWithParity' },
  RAID6: { min: 4, usable: (n) => n - 2, volumeType: 'StripedWithParity' },
  RAID10: { min: 4, usable: (n) => Math.floor(n / 2), volumeType: 'SpannedMirrors' },
  RAID50: { min: 6, usable: (n) => n - 2, volumeType: 'SpannedStripesWithParity' },
  RAID60: { min: 8, usable: (n) => n - 4, volumeType: 'SpannedStripesWithParity' },
};
const APPLY_TIMES = ['Immediate'];

/** A volume accepted for creation; it exists once `commit` runs (when its task completes). */
export interface PlannedVolume {
  /** Template-space path of the new volume. */
  path: string;
  commit(): void;
}

/**
 * Storage volumes of the clones. A clone's collection is the template's members minus the ones
 * it deleted plus the ones it created; created volumes are kept in template space so they are
 * rendered (ids rewritten) like every other resource.
 */
export class VolumeService {
  constructor(
    private readonly tree: MockupTree,
    private readonly resolveDrive: (clone: SystemClone, path: string) => string,
  ) {}

  /** Members of a clone's Volumes collection, template space. */
  members(clone: SystemClone, storage: StorageLayout): string[] {
    const set = this.volumeSet(clone, storage);
    const template = linkTargets(this.tree.entry(storage.volumesKey)?.doc.Members).filter((path) => !set.deleted.has(pathKey(path)));
    return [...template, ...[...set.created.values()].map((doc) => doc['@odata.id'] as string)];
  }

  /** The volume document (template space), or undefined when the clone has no such volume. */
  find(clone: SystemClone, storage: StorageLayout, key: string): JsonObject | undefined {
    const set = this.volumeSet(clone, storage);
    if (set.deleted.has(key)) return undefined;
    return set.created.get(key) ?? this.tree.entry(key)?.doc;
  }

  plan(clone: SystemClone, storage: StorageLayout, body: unknown): PlannedVolume {
    const request = bodyObject(body);
    checkApplyTime(request);
    const raidType = request.RAIDType;
    if (raidType === undefined) throw RedfishErrors.propertyMissing('RAIDType');
    const level = typeof raidType === 'string' ? RAID_LEVELS[raidType] : undefined;
    if (!level) throw RedfishErrors.propertyValueNotInList(raidType, 'RAIDType');
    const links = isObject(request.Links) ? request.Links : {};
    const drives = linkTargets(links.Drives).map((path) => this.resolveDrive(clone, path));
    if (drives.length === 0) throw RedfishErrors.propertyMissing('Links/Drives');
    if (new Set(drives).size !== drives.length) throw RedfishErrors.propertyValueNotInList('a drive listed twice', 'Links/Drives');
    if (drives.length < level.min || (raidType === 'RAID10' && drives.length % 2 !== 0)) {
      throw RedfishErrors.propertyValueNotInList(`${drives.length} drives`, 'Links/Drives');
    }
    const inUse = this.drivesInUse(clone, storage);
    const capacities = drives.map((key) => {
      if (!storage.driveKeys.includes(key)) throw RedfishErrors.propertyValueNotInList(key, 'Links/Drives');
      if (inUse.has(key)) throw RedfishErrors.resourceInUse(this.tree.entry(key)?.path ?? key);
      const capacity = this.tree.entry(key)?.doc.CapacityBytes;
      return typeof capacity === 'number' ? capacity : 0;
    });
    const maxBytes = level.usable(drives.length) * Math.min(...capacities);
    const requested = request.CapacityBytes;
    if (requested !== undefined && requested !== null && (typeof requested !== 'number' || !Number.isInteger(requested) || requested <= 0 || requested > maxBytes)) {
      throw RedfishErrors.propertyValueNotInList(requested, 'CapacityBytes');
    }
    const set = this.volumeSet(clone, storage);
    const id = String(set.nextId++);
    const path = `${storage.volumesPath}/${id}`;
    const doc: JsonObject = {
      '@odata.id': path,
      '@odata.type': '#Volume.v1_9_0.Volume',
      Id: id,
      Name: typeof request.Name === 'string' ? request.Name : `Volume ${id}`,
      RAIDType: raidType as string,
      VolumeType: level.volumeType,
      CapacityBytes: typeof requested === 'number' ? requested : maxBytes,
      Encrypted: false,
      Status: { State: 'Enabled', Health: 'OK' },
      Links: { Drives: drives.map((key) => ({ '@odata.id': this.tree.entry(key)?.path ?? key })), 'Drives@odata.count': drives.length },
    };
    return { path, commit: () => set.created.set(pathKey(path), doc) };
  }

  delete(clone: SystemClone, storage: StorageLayout, key: string, uri: string, body: unknown): void {
    checkApplyTime(bodyObject(body));
    const set = this.volumeSet(clone, storage);
    if (set.created.delete(key)) return;
    if (!this.find(clone, storage, key)) throw RedfishErrors.notFound(uri);
    set.deleted.add(key);
  }

  private drivesInUse(clone: SystemClone, storage: StorageLayout): Set<string> {
    const used = new Set<string>();
    for (const member of this.members(clone, storage)) {
      const volume = this.find(clone, storage, pathKey(member));
      const links = isObject(volume?.Links) ? volume.Links : {};
      for (const drive of linkTargets(links.Drives)) used.add(pathKey(drive));
    }
    return used;
  }

  private volumeSet(clone: SystemClone, storage: StorageLayout): VolumeSet {
    let set = clone.state.volumes.get(storage.volumesKey);
    if (!set) {
      // New ids continue after the template's numeric ones, as a controller numbers its volumes.
      const ids = linkTargets(this.tree.entry(storage.volumesKey)?.doc.Members).map((path) => Number(path.split('/').filter(Boolean).pop()));
      set = { created: new Map(), deleted: new Set(), nextId: Math.max(0, ...ids.filter(Number.isInteger)) + 1 };
      clone.state.volumes.set(storage.volumesKey, set);
    }
    return set;
  }
}

function checkApplyTime(body: JsonObject): void {
  const applyTime = body['@Redfish.OperationApplyTime'];
  if (applyTime !== undefined && !APPLY_TIMES.includes(String(applyTime))) throw RedfishErrors.propertyValueNotInList(applyTime, '@Redfish.OperationApplyTime');
}

/** Volumes collections say which apply times they take; Ironic picks Immediate when listed. */
export function presentVolumes(doc: JsonObject, members: string[]): void {
  doc.Members = members.map((path) => ({ '@odata.id': path }));
  doc['Members@odata.count'] = members.length;
  doc['@Redfish.OperationApplyTimeSupport'] = { '@odata.type': '#Settings.v1_3_5.OperationApplyTimeSupport', SupportedValues: APPLY_TIMES };
}
