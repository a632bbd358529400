// One change of the valid site per rule, that makes that rule, and only it, report: the compiled
// form of docs/examples/invalid/<ruleId>-<slug>.yaml.
import type { SiteDesign } from '../../model/site-design';
import { addressOf, everyNode, linkOf, networkOf, nodeOf } from './valid-site.fixture';

export interface RuleExample {
  ruleId: string;
  slug: string;
  /** What the YAML file changes, for a reader. */
  change: string;
  level: 'Error' | 'Warning';
  /** How many findings the change makes (a host profile change reaches all 20 nodes). */
  count: number;
  apply(design: SiteDesign): void;
}

export const RULE_EXAMPLES: RuleExample[] = [
  {
    ruleId: 'DD1001',
    slug: 'root-too-small',
    change: 'host profile base: the root partition is 10g',
    level: 'Error',
    count: 20,
    apply: (design) => everyNode(design, (node) => void (node.storage.physical_devices['sda'].partitions[0].size = '10g')),
  },
  {
    ruleId: 'DD2006',
    slug: 'cidr-host-bits',
    change: 'network mgmt: cidr 10.30.0.1/24',
    level: 'Error',
    count: 1,
    apply: (design) => void (networkOf(design, 'mgmt').cidr = '10.30.0.1/24'),
  },
  {
    ruleId: 'DD1008',
    slug: 'hugepages-without-size',
    change: 'host profile base: kernel_params without hugepagesz',
    level: 'Error',
    count: 20,
    apply: (design) => everyNode(design, (node) => void delete node.platform.kernel_params['hugepagesz']),
  },
  {
    ruleId: 'DD2002',
    slug: 'address-outside-cidr',
    change: 'node05: mgmt address 10.31.0.15',
    level: 'Error',
    count: 1,
    apply: (design) => void (addressOf(design, 'node05', 'mgmt').address = '10.31.0.15'),
  },
  {
    ruleId: 'DD2003',
    slug: 'network-mtu-above-link',
    change: 'network storage: mtu 9216, above the 9000 of link data (where storage is not the native network)',
    level: 'Error',
    count: 1,
    apply: (design) => void (networkOf(design, 'storage').mtu = 9216),
  },
  {
    ruleId: 'DD2004',
    slug: 'untrunked-link-with-two-networks',
    change: 'link data: trunking mode disabled (it allows mgmt and storage, and mgmt has VLAN 100)',
    level: 'Error',
    count: 2,
    apply: (design) => void (linkOf(design, 'data').trunking.mode = 'disabled'),
  },
  {
    ruleId: 'DD2005',
    slug: 'duplicate-address',
    change: 'node07: mgmt address 10.30.0.16, which node06 has',
    level: 'Error',
    count: 1,
    apply: (design) => void (addressOf(design, 'node07', 'mgmt').address = '10.30.0.16'),
  },
  {
    ruleId: 'DD3001',
    slug: 'unknown-image',
    change: 'host profile base: image focal (the catalog has jammy and noble)',
    level: 'Error',
    count: 20,
    apply: (design) => everyNode(design, (node) => void (node.platform.image = 'focal')),
  },
  {
    ruleId: 'DD1006',
    slug: 'balance-rr-with-lacp-options',
    change: 'link data: bonding mode balance-rr, keeping hash and peer_rate',
    level: 'Error',
    count: 2,
    apply: (design) => void (linkOf(design, 'data').bonding.mode = 'balance-rr'),
  },
  {
    ruleId: 'DD1002',
    slug: 'volume-group-without-pv',
    change: 'host profile base: volume group scratch, which no device or partition is a physical volume of',
    level: 'Error',
    count: 20,
    apply: (design) =>
      everyNode(design, (node) => {
        node.storage.volume_groups['scratch'] = { logical_volumes: [{ name: 'scratch', size: '10g' }] };
      }),
  },
  {
    ruleId: 'DD1003',
    slug: 'logical-volumes-over-100-percent',
    change: 'host profile base: logical volume var_lib 90% (with var_log 20%: 110% of volume group data)',
    level: 'Error',
    count: 20,
    apply: (design) => everyNode(design, (node) => void (node.storage.volume_groups['data'].logical_volumes[1].size = '90%')),
  },
  {
    ruleId: 'DD1004',
    slug: 'duplicate-mountpoint',
    change: 'host profile base: logical volume var_lib mounted at /var/log, like var_log',
    level: 'Error',
    count: 20,
    apply: (design) => everyNode(design, (node) => void (node.storage.volume_groups['data'].logical_volumes[1].filesystem!.mountpoint = '/var/log')),
  },
  {
    ruleId: 'DD1007',
    slug: 'interface-network-not-allowed',
    change: 'host profile compute: interface pxe also on network mgmt, which link pxe does not allow',
    level: 'Error',
    count: 20,
    apply: (design) => everyNode(design, (node) => void node.interfaces['pxe'].networks.push('mgmt')),
  },
  {
    ruleId: 'DD3003',
    slug: 'invalid-hostname',
    change: 'node03 is named node_03',
    level: 'Error',
    count: 1,
    apply: (design) => void (nodeOf(design, 'node03').name = 'node_03'),
  },
  {
    ruleId: 'DD4001',
    slug: 'ipmi-without-credential',
    change: 'host profile base: oob without credential',
    level: 'Error',
    count: 20,
    apply: (design) => everyNode(design, (node) => void delete node.oob.credential),
  },
  {
    ruleId: 'DD4002',
    slug: 'libvirt-uri-scheme',
    change: 'node20: oob type libvirt with libvirt_uri qemu+tcp://hypervisor01/system and a boot_mac',
    level: 'Error',
    count: 1,
    apply: (design) => {
      const node = nodeOf(design, 'node20');
      node.oob = { ...node.oob, type: 'libvirt', libvirt_uri: 'qemu+tcp://hypervisor01/system' };
      node.metadata.boot_mac = '52:54:00:12:34:20';
    },
  },
  {
    ruleId: 'DD4003',
    slug: 'nodes-without-bootaction',
    change: 'boot action node-init: node_filter rack_names [rack01] only',
    level: 'Warning',
    count: 10,
    apply: (design) => void (design.bootActions[0].node_filter!.filter_set[0].rack_names = ['rack01']),
  },
  {
    ruleId: 'DD4004',
    slug: 'package-version-format',
    change: 'boot action node-init: package chrony version "4.2 latest"',
    level: 'Error',
    count: 1,
    apply: (design) => void (design.bootActions[0].assets[1].package_list!['chrony'] = '4.2 latest'),
  },
  {
    ruleId: 'DD1005',
    slug: 'no-root-filesystem',
    change: 'host profile base: the root partition is mounted at /srv',
    level: 'Error',
    count: 20,
    apply: (design) => everyNode(design, (node) => void (node.storage.physical_devices['sda'].partitions[0].filesystem!.mountpoint = '/srv')),
  },
  {
    ruleId: 'DD2007',
    slug: 'address-outside-static-range',
    change: 'node09: mgmt address 10.30.0.5, inside the CIDR but below the static range 10.30.0.10-10.30.0.250',
    level: 'Error',
    count: 1,
    apply: (design) => void (addressOf(design, 'node09', 'mgmt').address = '10.30.0.5'),
  },
];
