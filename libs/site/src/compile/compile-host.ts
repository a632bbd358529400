import type { DesignData } from '../ingest/design-schemas';
import type { Filesystem, HostInterface, HostSettings, HostStorage, LogicalVolume, Partition } from '../model/site-design';
import { compact, inheritDict, inheritList, inheritNamed, inheritScalar } from './inheritance';

/** `data` of a HostProfile, or the host part of a BaremetalNode's. */
export type HostData = DesignData<'HostProfile'>;
type InterfaceData = NonNullable<NonNullable<HostData['interfaces']>[string]>;
type StorageData = NonNullable<HostData['storage']>;
type DeviceData = NonNullable<NonNullable<StorageData['physical_devices']>[string]>;
type PartitionData = NonNullable<DeviceData['partitions']>[number];
type VolumeGroupData = NonNullable<NonNullable<StorageData['volume_groups']>[string]>;
type LogicalVolumeData = NonNullable<VolumeGroupData['logical_volumes']>[number];
type FilesystemData = NonNullable<PartitionData['filesystem']>;
type Device = HostStorage['physical_devices'][string];
type VolumeGroup = HostStorage['volume_groups'][string];

const byName = <T extends { name: string }>(items: readonly T[] | undefined): Array<[string, T]> | undefined =>
  items?.map((item) => [item.name, item]);
const values = <R>(entries: Array<[string, R]>): R[] => entries.map(([, value]) => value);

/** Field by field; Drydock's ingest defaults (ext4, "defaults") fill what neither sets. */
function inheritFilesystem(child: FilesystemData | undefined, parent: Filesystem | undefined): Filesystem | undefined {
  if (child === undefined) return parent && { ...parent };
  return compact({
    mountpoint: inheritScalar(child.mountpoint, parent?.mountpoint),
    fstype: inheritScalar(child.fstype, parent?.fstype) ?? 'ext4',
    mount_options: inheritScalar(child.mount_options, parent?.mount_options) ?? 'defaults',
    fs_uuid: inheritScalar(child.fs_uuid, parent?.fs_uuid),
    fs_label: inheritScalar(child.fs_label, parent?.fs_label),
  });
}

function inheritPartition(name: string, child: PartitionData | undefined, parent: Partition | undefined): Partition {
  return compact({
    name,
    size: inheritScalar(child?.size, parent?.size),
    part_uuid: inheritScalar(child?.part_uuid, parent?.part_uuid),
    // Drydock read this from `vg` and so never had it; it is `volume_group` in the schema.
    volume_group: inheritScalar(child?.volume_group, parent?.volume_group),
    labels: inheritDict(child?.labels, parent?.labels),
    bootable: inheritScalar(child?.bootable, parent?.bootable),
    filesystem: inheritFilesystem(child?.filesystem, parent?.filesystem),
  });
}

function inheritDevice(_name: string, child: DeviceData | undefined, parent: Device | undefined): Device {
  return compact({
    labels: inheritDict(child?.labels, parent?.labels),
    volume_group: inheritScalar(child?.volume_group, parent?.volume_group),
    partitions: values(inheritNamed(byName(child?.partitions), byName(parent?.partitions), inheritPartition)),
  });
}

function inheritLogicalVolume(name: string, child: LogicalVolumeData | undefined, parent: LogicalVolume | undefined): LogicalVolume {
  return compact({
    name,
    lv_uuid: inheritScalar(child?.lv_uuid, parent?.lv_uuid),
    size: inheritScalar(child?.size, parent?.size),
    filesystem: inheritFilesystem(child?.filesystem, parent?.filesystem),
  });
}

function inheritVolumeGroup(_name: string, child: VolumeGroupData | undefined, parent: VolumeGroup | undefined): VolumeGroup {
  return compact({
    vg_uuid: inheritScalar(child?.vg_uuid, parent?.vg_uuid),
    // Drydock merged these into a `partitions` field the volume group does not have.
    logical_volumes: values(inheritNamed(byName(child?.logical_volumes), byName(parent?.logical_volumes), inheritLogicalVolume)),
  });
}

function inheritSriov(child: InterfaceData['sriov'], parent: HostInterface['sriov']): HostInterface['sriov'] {
  if (child === undefined) return parent && { ...parent };
  return compact({
    vf_count: inheritScalar(child.vf_count, parent?.vf_count),
    trustmode: inheritScalar(child.trustmode ?? child.trustedmode, parent?.trustmode),
  });
}

function inheritInterface(_name: string, child: InterfaceData | undefined, parent: HostInterface | undefined): HostInterface {
  return compact({
    device_link: inheritScalar(child?.device_link, parent?.device_link),
    slaves: inheritList(child?.slaves, parent?.slaves),
    networks: inheritList(child?.networks, parent?.networks),
    // Drydock dropped SR-IOV settings when a child merged an inherited interface.
    sriov: inheritSriov(child?.sriov, parent?.sriov),
  });
}

function inheritOob(child: HostData['oob'], parent: HostSettings['oob'] | undefined): HostSettings['oob'] {
  const { type, ...parameters } = child ?? {};
  const { type: parentType, ...parentParameters } = parent ?? {};
  return compact({ type: inheritScalar(type, parentType), ...inheritDict(parameters, parentParameters) });
}

/**
 * The settings of a host profile or node: what its document says, applied over its compiled parent
 * profile (if any) by Drydock's rules. `host_profile` and `metadata.boot_mac` are the document's
 * own; a MAC address belongs to one machine and is not inherited.
 */
export function compileHostSettings(own: HostData, parent: HostSettings | undefined): HostSettings {
  const storage = own.storage ?? {};
  return compact({
    host_profile: own.host_profile,
    hardware_profile: inheritScalar(own.hardware_profile, parent?.hardware_profile),
    primary_network: inheritScalar(own.primary_network, parent?.primary_network),
    oob: inheritOob(own.oob, parent?.oob),
    storage: {
      physical_devices: Object.fromEntries(
        inheritNamed(Object.entries(storage.physical_devices ?? {}), Object.entries(parent?.storage.physical_devices ?? {}), inheritDevice),
      ),
      volume_groups: Object.fromEntries(
        inheritNamed(Object.entries(storage.volume_groups ?? {}), Object.entries(parent?.storage.volume_groups ?? {}), inheritVolumeGroup),
      ),
    },
    platform: compact({
      image: inheritScalar(own.platform?.image, parent?.platform.image),
      kernel: inheritScalar(own.platform?.kernel, parent?.platform.kernel),
      kernel_params: inheritDict(own.platform?.kernel_params, parent?.platform.kernel_params),
    }),
    metadata: compact({
      tags: inheritList(own.metadata?.tags, parent?.metadata.tags),
      owner_data: inheritDict(own.metadata?.owner_data, parent?.metadata.owner_data),
      rack: inheritScalar(own.metadata?.rack, parent?.metadata.rack),
      boot_mac: own.metadata?.boot_mac,
    }),
    interfaces: Object.fromEntries(inheritNamed(Object.entries(own.interfaces ?? {}), Object.entries(parent?.interfaces ?? {}), inheritInterface)),
  });
}
