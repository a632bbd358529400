// The compiled site design: every document's `data` with Drydock's field names (snake_case, as
// operators write them), ingest defaults applied, and host profile inheritance resolved into each
// BaremetalNode. Validators and tasks read only this.

export interface NamedPart {
  name: string;
  labels: Record<string, string>;
}

export interface Region extends NamedPart {
  tag_definitions: Array<{ tag: string; definition_type: string; definition: string }>;
  authorized_keys: string[];
  repositories: Record<string, unknown>;
}

export interface Rack extends NamedPart {
  tor_switches: Record<string, { mgmt_ip?: string; sdn_api_uri?: string }>;
  location: { clli?: string; grid?: string };
  local_networks: string[];
}

export type BondingMode = 'disabled' | '802.3ad' | 'balance-rr' | 'active-backup';

export interface NetworkLink extends NamedPart {
  bonding: { mode: BondingMode; hash?: string; peer_rate?: string; mon_rate?: number; up_delay?: number; down_delay?: number };
  mtu?: number;
  linkspeed?: string;
  trunking: { mode: 'disabled' | '802.1q'; default_network?: string };
  allowed_networks: string[];
}

export interface Network extends NamedPart {
  cidr: string;
  ranges: Array<{ type: string; start: string; end: string }>;
  dns: { domain: string; servers?: string };
  dhcp_relay?: { self_ip?: string; upstream_target?: string };
  mtu?: number;
  vlan?: number | string;
  routedomain?: string;
  routes: Array<{ subnet: string; gateway?: string; metric?: number; routedomain?: string }>;
}

export interface HardwareProfile extends NamedPart {
  vendor?: string;
  generation?: string;
  hw_version?: string;
  bios_version?: string;
  boot_mode?: 'bios' | 'uefi';
  bootstrap_protocol?: 'pxe' | 'usb' | 'hdd';
  pxe_interface?: number | string;
  device_aliases: Record<string, { bus_type?: string; dev_type?: string; address?: string }>;
  cpu_sets: Record<string, string>;
  hugepages: Record<string, { size?: string; count?: number }>;
}

export interface Filesystem {
  mountpoint?: string;
  fstype: string;
  mount_options: string;
  fs_uuid?: string;
  fs_label?: string;
}

export interface Partition {
  name: string;
  size?: string;
  part_uuid?: string;
  volume_group?: string;
  labels: Record<string, string>;
  bootable?: boolean;
  filesystem?: Filesystem;
}

export interface LogicalVolume {
  name: string;
  lv_uuid?: string;
  size?: string;
  filesystem?: Filesystem;
}

/**
 * How a node finds a device its profile names: by the address of a hardware profile alias (`pci`
 * aliases for interface slaves, `scsi` aliases for disks), or else by the name as written.
 */
export interface DeviceSelector {
  selector_type: 'address' | 'name';
  /** The alias's bus address, or the device name. */
  address: string;
  /** The hardware profile alias it came from (address selectors). */
  alias?: string;
  dev_type?: string;
}

export interface HostStorage {
  physical_devices: Record<
    string,
    {
      labels: Record<string, string>;
      volume_group?: string;
      partitions: Partition[];
      /** On compiled nodes with a hardware profile: how the device is found. */
      selector?: DeviceSelector;
    }
  >;
  volume_groups: Record<string, { vg_uuid?: string; logical_volumes: LogicalVolume[] }>;
}

export interface HostInterface {
  device_link?: string;
  slaves: string[];
  networks: string[];
  sriov?: { vf_count?: number; trustmode?: boolean };
  /** On compiled nodes with a hardware profile: how each slave is found, in the order of `slaves`. */
  slave_selectors?: DeviceSelector[];
}

/** What a HostProfile and a BaremetalNode have in common (a node is a profile with addressing). */
export interface HostSettings {
  /** The parent profile (`host_profile`). */
  host_profile?: string;
  hardware_profile?: string;
  primary_network?: string;
  oob: { type?: string; network?: string; account?: string; credential?: string } & Record<string, unknown>;
  storage: HostStorage;
  platform: { image?: string; kernel?: string; kernel_params: Record<string, string | boolean | number> };
  metadata: { tags: string[]; owner_data: Record<string, string>; rack?: string; boot_mac?: string };
  interfaces: Record<string, HostInterface>;
}

export interface HostProfile extends NamedPart, HostSettings {}

export interface NodeAddress {
  /** An IP address, or `dhcp`. */
  address: string;
  network: string;
}

/** A node with its host profile chain (and hardware profile aliases) applied. */
export interface BaremetalNode extends NamedPart, HostSettings {
  addressing: NodeAddress[];
}

export interface BootActionAsset {
  type: 'unit' | 'file' | 'pkg_list';
  path?: string;
  location?: string;
  data?: string;
  location_pipeline: string[];
  data_pipeline: string[];
  permissions?: string;
  package_list?: Record<string, string | null>;
}

export interface NodeFilterSet {
  filter_set_type: 'union' | 'intersection';
  filter_set: Array<{
    filter_type: 'union' | 'intersection';
    node_names?: string[];
    node_tags?: string[];
    node_labels?: Record<string, string>;
    rack_names?: string[];
    rack_labels?: Record<string, string>;
  }>;
}

export interface BootAction extends NamedPart {
  signaling: boolean;
  assets: BootActionAsset[];
  node_filter?: NodeFilterSet;
}

export interface SiteDesign {
  region?: Region;
  racks: Rack[];
  networkLinks: NetworkLink[];
  networks: Network[];
  hardwareProfiles: HardwareProfile[];
  hostProfiles: HostProfile[];
  nodes: BaremetalNode[];
  bootActions: BootAction[];
}
