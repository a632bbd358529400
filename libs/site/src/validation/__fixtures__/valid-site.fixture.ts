// The compiled form of docs/examples/valid-site.yaml: 20 nodes in 2 racks, a bonded 802.3ad trunk,
// partitions and a volume group. Each call builds a fresh design for a spec to change.
import type { BaremetalNode, HostProfile, HostSettings, Network, NetworkLink, SiteDesign } from '../../model/site-design';
import { validateSiteDesign } from '../validate-site-design';
import type { PlatformCatalog, ValidationFinding, ValidationOptions, ValidationRule } from '../validation-rule';

/** What the node provisioner has, for DD3001. */
export const PLATFORMS: PlatformCatalog = { jammy: ['ga-22.04', 'hwe-22.04'], noble: ['ga-24.04'] };

export const NODE_COUNT = 20;
export const nodeName = (index: number): string => `node${String(index).padStart(2, '0')}`;

const network = (name: string, octet: number, extra: Partial<Network> = {}): Network => ({
  name,
  labels: {},
  cidr: `10.${octet}.0.0/24`,
  ranges: [{ type: 'static', start: `10.${octet}.0.10`, end: `10.${octet}.0.250` }],
  dns: { domain: `${name}.lab.example.com`, servers: `10.${octet}.0.2` },
  mtu: 1500,
  routes: [],
  ...extra,
});

const accessLink = (name: string): NetworkLink => ({
  name,
  labels: {},
  bonding: { mode: 'disabled' },
  mtu: 1500,
  linkspeed: 'auto',
  trunking: { mode: 'disabled', default_network: name },
  allowed_networks: [name],
});

/** The `base` host profile's settings: OOB, storage, platform. */
function baseSettings(): HostSettings {
  const fs = (mountpoint: string, fstype = 'ext4') => ({ mountpoint, fstype, mount_options: 'defaults' });
  return {
    oob: { type: 'ipmi', network: 'oob', account: 'admin', credential: 'changeme' },
    storage: {
      physical_devices: {
        sda: {
          labels: { role: 'rootdisk' },
          partitions: [
            { name: 'root', size: '30GiB', labels: {}, bootable: true, filesystem: fs('/') },
            { name: 'boot', size: '2g', labels: {}, bootable: false, filesystem: fs('/boot') },
            { name: 'pv_data', size: '>100g', labels: {}, volume_group: 'data' },
          ],
        },
        sdb: { labels: {}, volume_group: 'data', partitions: [] },
      },
      volume_groups: {
        data: {
          logical_volumes: [
            { name: 'var_log', size: '20%', filesystem: fs('/var/log', 'xfs') },
            { name: 'var_lib', size: '50%', filesystem: fs('/var/lib', 'xfs') },
          ],
        },
      },
    },
    platform: { image: 'jammy', kernel: 'ga-22.04', kernel_params: { console: 'ttyS1,115200', hugepagesz: '1G', hugepages: 16 } },
    metadata: { tags: ['compute'], owner_data: { role: 'compute' } },
    interfaces: {},
  };
}

/** The `compute` host profile's settings on top of `base`. */
function computeSettings(): HostSettings {
  return {
    ...baseSettings(),
    host_profile: 'base',
    hardware_profile: 'generic-2u',
    primary_network: 'mgmt',
    interfaces: {
      pxe: { device_link: 'pxe', slaves: ['pxe_nic'], networks: ['pxe'] },
      bond0: { device_link: 'data', slaves: ['data_nic1', 'data_nic2'], networks: ['mgmt', 'storage'] },
    },
  };
}

function node(index: number): BaremetalNode {
  const settings = computeSettings();
  return {
    name: nodeName(index),
    labels: {},
    ...settings,
    host_profile: 'compute',
    metadata: { ...settings.metadata, rack: index <= NODE_COUNT / 2 ? 'rack01' : 'rack02' },
    addressing: [
      { network: 'pxe', address: 'dhcp' },
      { network: 'mgmt', address: `10.30.0.${10 + index}` },
      { network: 'storage', address: `10.40.0.${10 + index}` },
      { network: 'oob', address: `10.10.0.${10 + index}` },
    ],
  };
}

export function validSite(): SiteDesign {
  const base: HostProfile = { name: 'base', labels: {}, ...baseSettings() };
  const compute: HostProfile = { name: 'compute', labels: {}, ...computeSettings() };
  const nic = (address: string) => ({ bus_type: 'pci', dev_type: 'Ethernet Controller X710', address });
  return {
    region: { name: 'slipway-lab', labels: {}, tag_definitions: [], authorized_keys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnly operator@lab'], repositories: {} },
    racks: ['rack01', 'rack02'].map((name) => ({ name, labels: { row: 'a' }, tor_switches: {}, location: { clli: 'LABSITE01', grid: name === 'rack01' ? 'A1' : 'A2' }, local_networks: [] })),
    networkLinks: [
      accessLink('oob'),
      accessLink('pxe'),
      {
        name: 'data',
        labels: {},
        bonding: { mode: '802.3ad', hash: 'layer3+4', peer_rate: 'fast', mon_rate: 100, up_delay: 200, down_delay: 200 },
        mtu: 9000,
        linkspeed: 'auto',
        trunking: { mode: '802.1q', default_network: 'mgmt' },
        allowed_networks: ['mgmt', 'storage'],
      },
    ],
    networks: [
      network('oob', 10),
      network('pxe', 20, {
        ranges: [
          { type: 'static', start: '10.20.0.10', end: '10.20.0.99' },
          { type: 'dhcp', start: '10.20.0.100', end: '10.20.0.250' },
        ],
      }),
      network('mgmt', 30, { vlan: '100', dns: { domain: 'lab.example.com', servers: '10.30.0.2' }, routes: [{ subnet: '0.0.0.0/0', gateway: '10.30.0.1', metric: 10 }] }),
      network('storage', 40, { vlan: '200', mtu: 9000 }),
    ],
    hardwareProfiles: [
      {
        name: 'generic-2u',
        labels: {},
        vendor: 'Generic',
        generation: '1',
        hw_version: '1',
        bios_version: '1.0',
        boot_mode: 'uefi',
        bootstrap_protocol: 'pxe',
        pxe_interface: 0,
        device_aliases: { pxe_nic: nic('0000:01:00.0'), data_nic1: nic('0000:3b:00.0'), data_nic2: nic('0000:3b:00.1'), rootdisk: { bus_type: 'scsi', dev_type: 'SSD', address: '2:0.0.0' } },
        cpu_sets: {},
        hugepages: {},
      },
    ],
    hostProfiles: [base, compute],
    nodes: Array.from({ length: NODE_COUNT }, (_, i) => node(i + 1)),
    bootActions: [
      {
        name: 'node-init',
        labels: {},
        signaling: false,
        assets: [
          { type: 'unit', path: '/etc/systemd/system/node-init.service', permissions: '644', data: '[Unit]\nDescription=Node init\n', location_pipeline: [], data_pipeline: ['utf8_decode'] },
          { type: 'pkg_list', package_list: { chrony: '4.2-2ubuntu2', jq: null }, location_pipeline: [], data_pipeline: [] },
        ],
        node_filter: { filter_set_type: 'union', filter_set: [{ filter_type: 'union', rack_names: ['rack01', 'rack02'] }] },
      },
    ],
  };
}

/** The node named `name` of the design. */
export function nodeOf(design: SiteDesign, name: string): BaremetalNode {
  const found = design.nodes.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no node ${name}`);
  return found;
}

export const networkOf = (design: SiteDesign, name: string): Network => design.networks.find((candidate) => candidate.name === name)!;
export const linkOf = (design: SiteDesign, name: string): NetworkLink => design.networkLinks.find((candidate) => candidate.name === name)!;
/** The node's address on `network`. */
export const addressOf = (design: SiteDesign, node: string, network: string) => nodeOf(design, node).addressing.find((address) => address.network === network)!;

/** Applies `change` to every node (a host profile change reaches them all). */
export function everyNode(design: SiteDesign, change: (node: BaremetalNode) => void): SiteDesign {
  design.nodes.forEach(change);
  return design;
}

export const withPlatforms: ValidationOptions = { platforms: PLATFORMS };

/** What a rule reports on the design, Info left out, as `[level, message]` pairs. */
export function reported(rule: ValidationRule, design: SiteDesign, options: ValidationOptions = withPlatforms): Array<[ValidationFinding['level'], string]> {
  return rule.check(design, options).map((finding) => [finding.level, finding.message]);
}

/** Every Error or Warning of a whole validation, as `ruleId level` strings. */
export function problemsOf(design: SiteDesign, options: ValidationOptions = withPlatforms): string[] {
  return validateSiteDesign(design, options)
    .findings.filter((finding) => finding.level !== 'Info')
    .map((finding) => `${finding.ruleId} ${finding.level}`);
}
