import { InvalidParameterValueError, type LogicalDisk } from '@slipway/drivers-framework';
import { planVolumes, raidConfigOf, raidLevelOf, volumeApplyTime, type PlanDrive, type PlanStorage } from './raid-volume-plan';

const GIB = 1024 ** 3;
const S1 = '/redfish/v1/Systems/1/Storage/RAID1';

function drive(id: string, gib: number, extra: Partial<PlanDrive> = {}): PlanDrive {
  return { id, path: `${S1}/Drives/${id}`, capacityBytes: gib * GIB, mediaType: 'HDD', protocol: 'SAS', inUse: false, ...extra };
}

function storage(drives: PlanDrive[], extra: Partial<PlanStorage> = {}): PlanStorage {
  return { id: 'RAID1', path: S1, drives, ...extra };
}

const links = (plan: ReturnType<typeof planVolumes>) => plan.map((volume) => volume.body.Links?.Drives.map((link) => link['@odata.id'].split('/').pop()));

describe('planVolumes', () => {
  it('builds RAID1 on the two smallest free drives that hold it, with the size in bytes and the name', () => {
    const disks: LogicalDisk[] = [{ size_gb: 100, raid_level: '1', volume_name: 'os', is_root_volume: true }];
    const plan = planVolumes(disks, [storage([drive('big', 1000), drive('small', 50), drive('mid-a', 200), drive('mid-b', 300)])]);
    expect(plan).toEqual([
      {
        storage: S1,
        logicalDisk: disks[0],
        body: { RAIDType: 'RAID1', CapacityBytes: 100 * GIB, Name: 'os', Links: { Drives: [{ '@odata.id': `${S1}/Drives/mid-a` }, { '@odata.id': `${S1}/Drives/mid-b` }] } },
      },
    ]);
  });

  it('maps every Ironic level to its RAIDType and takes the fewest drives the level allows', () => {
    const drives = Array.from({ length: 8 }, (_, index) => drive(`d${index}`, 100));
    const types = (['0', '1', '5', '6', '1+0', '5+0', '6+0'] as const).map((level) => {
      const [volume] = planVolumes([{ size_gb: 10, raid_level: level }], [storage(drives)]);
      return [volume.body.RAIDType, volume.body.Links?.Drives.length];
    });
    expect(types).toEqual([['RAID0', 1], ['RAID1', 2], ['RAID5', 3], ['RAID6', 4], ['RAID10', 4], ['RAID50', 6], ['RAID60', 8]]);
  });

  it('takes more drives when the fewest cannot hold the size (RAID5: 3 × 100 GiB hold 200, 4 hold 300)', () => {
    const drives = Array.from({ length: 5 }, (_, index) => drive(`d${index}`, 100));
    expect(links(planVolumes([{ size_gb: 250, raid_level: '5' }], [storage(drives)]))).toEqual([['d0', 'd1', 'd2', 'd3']]);
  });

  it('leaves CapacityBytes out for MAX, and MAX uses the drives up', () => {
    const plan = planVolumes([{ size_gb: 'MAX', raid_level: '0' }, { size_gb: 'MAX', raid_level: '0' }], [storage([drive('a', 100), drive('b', 100)])]);
    expect(plan.map((volume) => volume.body)).toEqual([
      { RAIDType: 'RAID0', Links: { Drives: [{ '@odata.id': `${S1}/Drives/a` }] } },
      { RAIDType: 'RAID0', Links: { Drives: [{ '@odata.id': `${S1}/Drives/b` }] } },
    ]);
  });

  it('uses the named physical_disks (Ids or paths) first, and keeps the order of logical_disks', () => {
    const plan = planVolumes(
      [{ size_gb: 10, raid_level: '1' }, { size_gb: 10, raid_level: '1', physical_disks: ['a', `${S1}/Drives/b`] }],
      [storage([drive('a', 100), drive('b', 100), drive('c', 500), drive('d', 500)])],
    );
    expect(links(plan)).toEqual([['c', 'd'], ['a', 'b']]);
  });

  it('keeps to the named controller (Storage Id or path) and to disk_type and interface_type', () => {
    const other: PlanStorage = { id: 'RAID2', path: '/redfish/v1/Systems/1/Storage/RAID2', drives: [drive('x', 100, { path: '/s2/x' }), drive('y', 100, { path: '/s2/y' })] };
    const first = storage([drive('a', 100), drive('b', 100)]);
    expect(planVolumes([{ size_gb: 10, raid_level: '1', controller: 'raid2' }], [first, other])[0].storage).toBe(other.path);
    const mixed = storage([drive('hdd1', 100), drive('ssd1', 100, { mediaType: 'SSD', protocol: 'SATA' }), drive('hdd2', 100), drive('ssd2', 100, { mediaType: 'SSD', protocol: 'SATA' })]);
    expect(links(planVolumes([{ size_gb: 10, raid_level: '1', disk_type: 'ssd', interface_type: 'sata' }], [mixed]))).toEqual([['ssd1', 'ssd2']]);
  });

  it('skips drives of volumes that stay and Storages that do not build the level', () => {
    const noRaid5 = storage([drive('a', 100), drive('b', 100), drive('c', 100)], { supportedRaidTypes: ['RAID0', 'RAID1'] });
    expect(() => planVolumes([{ size_gb: 10, raid_level: '5' }], [noRaid5])).toThrow('logical_disks[0] (RAID 5, 10 GiB): no Storage has enough free drives for it.');
    const busy = storage([drive('a', 100, { inUse: true }), drive('b', 100), drive('c', 100)]);
    expect(links(planVolumes([{ size_gb: 10, raid_level: '1' }], [busy]))).toEqual([['b', 'c']]);
  });

  it('gives a drive to one volume unless they share_physical_disks', () => {
    const drives = () => [drive('a', 100), drive('b', 100)];
    const twice: LogicalDisk[] = [{ size_gb: 10, raid_level: '1' }, { size_gb: 10, raid_level: '1' }];
    expect(() => planVolumes(twice, [storage(drives())])).toThrow(InvalidParameterValueError);
    const shared = twice.map((disk) => ({ ...disk, share_physical_disks: true }));
    expect(links(planVolumes(shared, [storage(drives())]))).toEqual([['a', 'b'], ['a', 'b']]);
    expect(() => planVolumes([{ size_gb: 60, raid_level: '1', share_physical_disks: true }, { size_gb: 60, raid_level: '1', share_physical_disks: true }], [storage(drives())])).toThrow(
      'logical_disks[1] (RAID 1, 60 GiB): no Storage has enough free drives for it.',
    );
  });

  it('refuses named drives that cannot make the level, are missing or are taken', () => {
    const drives = storage([drive('a', 100), drive('b', 100), drive('c', 100)]);
    expect(() => planVolumes([{ size_gb: 10, raid_level: '1', physical_disks: ['a', 'b', 'c'] }], [drives])).toThrow('RAID 1 takes at most 2 drives, 3 given');
    expect(() => planVolumes([{ size_gb: 10, raid_level: '1+0', physical_disks: ['a', 'b', 'c'] }], [drives])).toThrow('RAID 1+0 needs at least 4 drives, 3 given');
    expect(() => planVolumes([{ size_gb: 10, raid_level: '0', physical_disks: ['zz'] }], [drives])).toThrow('no Storage has all of the drives zz');
    expect(() => planVolumes([{ size_gb: 500, raid_level: '0', physical_disks: ['a'] }], [drives])).toThrow('drive a of Storage RAID1 has not enough free space');
    expect(() => planVolumes([{ size_gb: 10, raid_level: '0', physical_disks: ['a'] }, { size_gb: 10, raid_level: '0', physical_disks: ['a'] }], [drives])).toThrow('drives a already serve another volume');
    expect(() => planVolumes([{ size_gb: 10, raid_level: '0', controller: 'nope' }], [drives])).toThrow('there is no Storage nope; the node has RAID1');
    expect(() => planVolumes([{ size_gb: 10, raid_level: 'JBOD' }], [drives])).toThrow('builds RAID levels 0, 1, 5, 6, 1+0, 5+0, 6+0 only');
  });
});

describe('raidConfigOf', () => {
  it('describes the volumes as Ironic does: id, name, controller, whole GiB and the level, skipping types Ironic has no level for', () => {
    expect(
      raidConfigOf([
        { id: '1', name: 'os', storage: 'RAID1', capacityBytes: 100 * GIB + 5, raidType: 'RAID1' },
        { id: '2', storage: 'RAID1', capacityBytes: 10 * GIB, raidType: 'RAID10' },
        { id: '3', storage: 'RAID1', capacityBytes: 10 * GIB, raidType: 'None' },
      ]),
    ).toEqual({
      logical_disks: [
        { id: '1', name: 'os', controller: 'RAID1', size_gb: 100, raid_level: '1' },
        { id: '2', name: '2', controller: 'RAID1', size_gb: 10, raid_level: '1+0' },
      ],
    });
    expect([raidLevelOf('RAID50'), raidLevelOf('RAID1Triple'), raidLevelOf(undefined)]).toEqual(['5+0', undefined, undefined]);
  });
});

describe('volumeApplyTime', () => {
  const support = (...supportedValues: string[]) => ({ supportedValues, maintenanceWindowStartTime: undefined, maintenanceWindowDurationInSeconds: undefined });
  it('prefers Immediate, then OnReset, else sends none', () => {
    expect([support('OnReset', 'Immediate'), support('AtMaintenanceWindowStart', 'OnReset'), support('AtMaintenanceWindowStart'), undefined].map(volumeApplyTime)).toEqual(['Immediate', 'OnReset', undefined, undefined]);
  });
});
