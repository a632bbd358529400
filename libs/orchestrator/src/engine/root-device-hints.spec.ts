import type { BaremetalNode } from '@slipway/site';
import { exampleNode } from './__fixtures__/example-site.fixture';
import { rootDevicePlan } from './root-device-hints';

type Storage = BaremetalNode['storage'];
const partition = (name: string, fields: Partial<Storage['physical_devices'][string]['partitions'][number]> = {}) => ({ name, labels: {}, ...fields });
const fs = (mountpoint: string) => ({ mountpoint, fstype: 'ext4', mount_options: 'defaults' });
const storage = (physical_devices: Storage['physical_devices']): Pick<BaremetalNode, 'storage'> => ({ storage: { physical_devices, volume_groups: {} } });

describe('rootDevicePlan', () => {
  it('names the disk of the example site’s root partition by its device name', () => {
    // The example's nodes name their boot disk sda by name (its hardware profile's rootdisk alias goes unused).
    expect(rootDevicePlan(exampleNode('node01'))).toEqual({ device: 'sda', hints: { name: '/dev/sda' } });
  });

  it('turns a SCSI alias address into hctl', () => {
    const plan = rootDevicePlan(storage({ rootdisk: { labels: {}, partitions: [partition('root', { filesystem: fs('/') })], selector: { selector_type: 'address', address: '2:0.0.0', alias: 'rootdisk' } } }));
    expect(plan).toEqual({ device: 'rootdisk', hints: { hctl: '2:0:0:0' } });
  });

  it('falls back to the bootable partition’s disk, then /boot’s, when / is on a logical volume', () => {
    const bootable = storage({
      sdb: { labels: {}, partitions: [partition('data', { filesystem: fs('/data') })] },
      sdc: { labels: {}, partitions: [partition('efi', { bootable: true })] },
    });
    expect(rootDevicePlan(bootable)).toEqual({ device: 'sdc', hints: { name: '/dev/sdc' } });
    const boot = storage({ nvme0n1: { labels: {}, partitions: [partition('boot', { filesystem: fs('/boot') }), partition('pv', { volume_group: 'vg' })] } });
    expect(rootDevicePlan(boot)).toEqual({ device: 'nvme0n1', hints: { name: '/dev/nvme0n1' } });
  });

  it('gives no hint without a boot disk, or for an address that is no SCSI address', () => {
    expect(rootDevicePlan(storage({ sdb: { labels: {}, volume_group: 'vg', partitions: [] } }))).toEqual({ note: expect.stringMatching(/^The design names no boot disk/) });
    const odd = storage({ disk: { labels: {}, partitions: [partition('root', { filesystem: fs('/') })], selector: { selector_type: 'address', address: 'usb-1', alias: 'disk' } } });
    expect(rootDevicePlan(odd)).toEqual({ device: 'disk', note: 'Boot disk disk has address usb-1, which is no SCSI host:channel.target.lun: no root device hint.' });
  });
});
