import type { BaremetalNode } from '@slipway/site';

// create_storage_template (pure): the design's boot disk as Ironic root device hints
// (`properties.root_device`), which tell inspection which disk local_gb measures and the deploy
// which disk the image goes to.
//
// The boot disk is the physical device holding the partition mounted at `/`; when `/` is on a
// logical volume, the device with a bootable partition, else the one holding `/boot`. Its hint
// comes from how the node finds it (the compiled device selector): a hardware profile's SCSI
// alias gives its address, Drydock's `host:channel.target.lun`, as Ironic's `hctl`
// (`host:channel:target:lun`); a device named as such (`sda`) gives `name: /dev/sda`.

export type RootDeviceHints = { hctl: string } | { name: string };

export interface RootDevicePlan {
  /** The physical device of the design, when there is a boot disk. */
  device?: string;
  /** undefined: no hint (Ironic then deploys to the smallest disk of at least 4 GiB). */
  hints?: RootDeviceHints;
  /** Why there is no hint, when there is none. */
  note?: string;
}

const SCSI_ADDRESS = /^(\d+):(\d+)[.:](\d+)[.:](\d+)$/;

export function rootDevicePlan(node: Pick<BaremetalNode, 'storage'>): RootDevicePlan {
  const devices = Object.entries(node.storage.physical_devices);
  const holding = (test: (partition: BaremetalNode['storage']['physical_devices'][string]['partitions'][number]) => boolean) =>
    devices.find(([, device]) => device.partitions.some(test));
  const found = holding((p) => p.filesystem?.mountpoint === '/') ?? holding((p) => p.bootable === true) ?? holding((p) => p.filesystem?.mountpoint === '/boot');
  if (found === undefined) return { note: 'The design names no boot disk (no partition mounted at / or /boot, none bootable): Ironic picks the smallest disk of at least 4 GiB.' };
  const [name, device] = found;
  const selector = device.selector ?? { selector_type: 'name' as const, address: name };
  if (selector.selector_type === 'name') return { device: name, hints: { name: selector.address.startsWith('/') ? selector.address : `/dev/${selector.address}` } };
  const scsi = SCSI_ADDRESS.exec(selector.address);
  if (scsi === null) return { device: name, note: `Boot disk ${name} has address ${selector.address}, which is no SCSI host:channel.target.lun: no root device hint.` };
  return { device: name, hints: { hctl: scsi.slice(1).join(':') } };
}
