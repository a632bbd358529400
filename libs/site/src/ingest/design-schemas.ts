import { z } from 'zod';
import type { DesignKind } from '../model/design-document';

// The schema of each kind's `data`, after Drydock's JSON schemas (python/drydock_provisioner/schemas/*.yaml):
// the same field names and types, and `additionalProperties: false` where Drydock has it. Beyond
// Drydock: the enums of bonding and trunking modes, the fields the site design cannot do without
// (a network's cidr, a node's addresses, names of partitions and logical volumes, ...), and what
// Drydock's schemas meant but misspelt (region repositories, hugepages, tor switches).
// Keyed entries (`interfaces`, `physical_devices`, `volume_groups`) may be null: like `!name`, a
// null entry removes the entry of that name inherited from the parent profile.

const text = z.string();
const texts = z.array(text);
const flag = z.boolean();
const count = z.number();
/** Free-form labels (`data.labels`): Drydock takes any value; the site design keeps them as strings. */
const labels = z.record(text, z.union([text, z.number(), z.boolean()], { error: 'must be a string, number or boolean' }));
const stringMap = z.record(text, text);

const region = z.strictObject({
  tag_definitions: z
    .array(z.strictObject({ tag: text, definition_type: z.enum(['lshw_xpath']), definition: text }))
    .optional(),
  authorized_keys: texts.optional(),
  repositories: z
    .object({ remove_unlisted: flag.optional() })
    .catchall(
      z.strictObject({
        repo_type: z.enum(['apt', 'rpm']).optional(),
        url: text,
        distributions: texts.optional(),
        subrepos: texts.optional(),
        components: texts.optional(),
        gpgkey: text.optional(),
        arches: texts.optional(),
        options: stringMap.optional(),
      }),
    )
    .optional(),
});

const rack = z.strictObject({
  tor_switches: z.record(text, z.looseObject({ mgmt_ip: text.optional(), sdn_api_uri: text.optional() })).optional(),
  location: z.looseObject({ clli: text.optional(), grid: text.optional() }).optional(),
  local_networks: texts.optional(),
  labels: labels.optional(),
});

export const BONDING_MODES = ['disabled', '802.3ad', 'balance-rr', 'active-backup'] as const;
export const TRUNKING_MODES = ['disabled', '802.1q'] as const;

const networkLink = z.strictObject({
  bonding: z
    .strictObject({
      mode: z.enum(BONDING_MODES).optional(),
      hash: text.optional(),
      peer_rate: text.optional(),
      mon_rate: count.optional(),
      up_delay: count.optional(),
      down_delay: count.optional(),
    })
    .optional(),
  mtu: count.optional(),
  linkspeed: text.optional(),
  trunking: z.strictObject({ mode: z.enum(TRUNKING_MODES).optional(), default_network: text.optional() }).optional(),
  allowed_networks: texts.optional(),
  labels: labels.optional(),
});

const network = z.strictObject({
  cidr: text,
  ranges: z.array(z.strictObject({ type: text, start: text, end: text })).optional(),
  dns: z.strictObject({ domain: text.optional(), servers: text.optional() }).optional(),
  dhcp_relay: z.strictObject({ self_ip: text.optional(), upstream_target: text.optional() }).optional(),
  mtu: count.optional(),
  vlan: z.union([text, z.int()], { error: 'must be a VLAN id (a string or an integer)' }).optional(),
  routedomain: text.optional(),
  // A route to a routedomain has no subnet: it stands for routes to the other networks of that domain.
  routes: z
    .array(
      z
        .strictObject({ subnet: text.optional(), gateway: text.optional(), metric: count.optional(), routedomain: text.optional() })
        .refine((route) => route.subnet !== undefined || route.routedomain !== undefined, { error: 'needs a subnet or a routedomain' }),
    )
    .optional(),
  labels: labels.optional(),
});

const hardwareProfile = z.strictObject({
  vendor: text.optional(),
  generation: text.optional(),
  hw_version: text.optional(),
  bios_version: text.optional(),
  boot_mode: z.enum(['bios', 'uefi']).optional(),
  bootstrap_protocol: z.enum(['pxe', 'usb', 'hdd']).optional(),
  pxe_interface: z.union([count, text], { error: 'must be a number or a string' }).optional(),
  device_aliases: z
    .record(text, z.looseObject({ bus_type: text.optional(), dev_type: text.optional(), address: text.optional() }))
    .optional(),
  cpu_sets: stringMap.optional(),
  hugepages: z.record(text, z.strictObject({ size: text.optional(), count: count.optional() })).optional(),
});

const filesystem = z.strictObject({
  mountpoint: text.optional(),
  fstype: text.optional(),
  mount_options: text.optional(),
  fs_uuid: text.optional(),
  fs_label: text.optional(),
});

const partition = z.strictObject({
  name: text,
  size: text.optional(),
  part_uuid: text.optional(),
  volume_group: text.optional(),
  labels: stringMap.optional(),
  bootable: flag.optional(),
  filesystem: filesystem.optional(),
});

const logicalVolume = z.strictObject({
  name: text,
  lv_uuid: text.optional(),
  size: text.optional(),
  filesystem: filesystem.optional(),
});

const hostInterface = z.looseObject({
  device_link: text.optional(),
  slaves: texts.optional(),
  networks: texts.optional(),
  // Drydock's schema says `trustmode`, its ingester reads `trustedmode`: both are taken.
  sriov: z.looseObject({ vf_count: count.optional(), trustmode: flag.optional(), trustedmode: flag.optional() }).optional(),
  labels: z.record(text, z.unknown()).optional(),
});

const hostProfile = z.strictObject({
  host_profile: text.optional(),
  hardware_profile: text.optional(),
  primary_network: text.optional(),
  oob: z
    .looseObject({ type: text.optional(), network: text.optional(), account: text.optional(), credential: text.optional() })
    .optional(),
  storage: z
    .strictObject({
      physical_devices: z
        .record(
          text,
          z.strictObject({ labels: stringMap.optional(), volume_group: text.optional(), partitions: z.array(partition).optional() }).nullable(),
        )
        .optional(),
      volume_groups: z
        .record(text, z.strictObject({ vg_uuid: text.optional(), logical_volumes: z.array(logicalVolume).optional() }).nullable())
        .optional(),
    })
    .optional(),
  platform: z
    .strictObject({
      image: text.optional(),
      kernel: text.optional(),
      kernel_params: z
        .record(text, z.union([text, count, flag], { error: 'must be a string, number or boolean' }))
        .optional(),
    })
    .optional(),
  metadata: z
    .strictObject({ tags: texts.optional(), owner_data: stringMap.optional(), rack: text.optional(), boot_mac: text.optional() })
    .optional(),
  interfaces: z.record(text, hostInterface.nullable()).optional(),
});

const baremetalNode = hostProfile.extend({
  addressing: z
    .array(z.strictObject({ address: text, network: text }))
    .min(1, { error: 'needs at least one address (an IP address or "dhcp", and its network)' }),
});

const setTypes = ['union', 'intersection'] as const;

export const nodeFilterSetSchema = z.strictObject({
  filter_set_type: z.enum(setTypes),
  filter_set: z.array(
    z.strictObject({
      filter_type: z.enum(setTypes),
      node_names: texts.optional(),
      node_tags: texts.optional(),
      node_labels: stringMap.optional(),
      rack_names: texts.optional(),
      rack_labels: stringMap.optional(),
    }),
  ),
});

const asset = z
  .strictObject({
    path: text.regex(/^\/./, { error: 'must be an absolute path' }).optional(),
    location: text.optional(),
    type: z.enum(['unit', 'file', 'pkg_list']),
    data: z.union([text, z.record(text, text.nullable())], { error: 'must be a string, or for pkg_list a mapping of package names to versions (strings)' }).optional(),
    location_pipeline: z.array(z.enum(['template'])).optional(),
    data_pipeline: z.array(z.enum(['base64_encode', 'template', 'base64_decode', 'utf8_encode', 'utf8_decode'])).optional(),
    permissions: text.regex(/^[0-7]{3,4}$/, { error: "must be octal file permissions, quoted ('644')" }).optional(),
  })
  .superRefine((value, context) => {
    if (value.data === undefined) return;
    if (value.type === 'pkg_list' && typeof value.data === 'string' && value.location === undefined) {
      context.addIssue({ code: 'custom', path: ['data'], message: 'must be a mapping of package names to versions for a pkg_list asset without a location' });
    } else if (value.type !== 'pkg_list' && typeof value.data !== 'string') {
      context.addIssue({ code: 'custom', path: ['data'], message: `must be a string for a ${value.type} asset` });
    }
  });

const bootAction = z.strictObject({
  signaling: flag.optional(),
  assets: z.array(asset),
  node_filter: nodeFilterSetSchema.optional(),
});

/** The schema of `data`, by kind. */
export const DESIGN_SCHEMAS = {
  Region: region,
  Rack: rack,
  NetworkLink: networkLink,
  Network: network,
  HardwareProfile: hardwareProfile,
  HostProfile: hostProfile,
  BaremetalNode: baremetalNode,
  BootAction: bootAction,
} as const satisfies Record<DesignKind, z.ZodType>;

/** `data` of a document of kind K, as its schema admits it. */
export type DesignData<K extends DesignKind> = z.output<(typeof DESIGN_SCHEMAS)[K]>;
