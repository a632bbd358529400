import type { DesignData } from '../ingest/design-schemas';
import type { DesignDocument } from '../model/design-document';
import type { BootAction, HardwareProfile, Network, NetworkLink, Rack, Region } from '../model/site-design';
import { compact } from './inheritance';

// The parts that inherit nothing: each document's `data` as its schema admits it, with Drydock's
// ingest defaults. A part's labels are the document's `metadata.labels` and, where the kind has
// them, the `data.labels` (which win).

type Labels = Readonly<Record<string, string | number | boolean>> | undefined;

function labelsOf(document: DesignDocument, own: Labels = undefined): Record<string, string> {
  const labels = { ...document.labels };
  for (const [key, value] of Object.entries(own ?? {})) labels[key] = String(value);
  return labels;
}

export function buildRegion(document: DesignDocument, data: DesignData<'Region'>): Region {
  return {
    name: document.name,
    labels: labelsOf(document),
    tag_definitions: (data.tag_definitions ?? []).map((definition) => ({ ...definition })),
    authorized_keys: [...(data.authorized_keys ?? [])],
    repositories: structuredClone(data.repositories ?? {}),
  };
}

export function buildRack(document: DesignDocument, data: DesignData<'Rack'>): Rack {
  return {
    name: document.name,
    labels: labelsOf(document, data.labels),
    tor_switches: Object.fromEntries(
      Object.entries(data.tor_switches ?? {}).map(([name, tor]) => [name, compact({ mgmt_ip: tor.mgmt_ip, sdn_api_uri: tor.sdn_api_uri })]),
    ),
    location: compact({ clli: data.location?.clli, grid: data.location?.grid }),
    local_networks: [...(data.local_networks ?? [])],
  };
}

/** Bonding defaults: mode disabled; a bond monitors every 100 ms with 200 ms delays; LACP hashes layer3+4 at the fast rate. */
export function buildNetworkLink(document: DesignDocument, data: DesignData<'NetworkLink'>): NetworkLink {
  const bonding = data.bonding ?? {};
  const mode = bonding.mode ?? 'disabled';
  const bonded = mode !== 'disabled';
  const lacp = mode === '802.3ad';
  return compact({
    name: document.name,
    labels: labelsOf(document, data.labels),
    bonding: compact({
      mode,
      hash: bonding.hash ?? (lacp ? 'layer3+4' : undefined),
      peer_rate: bonding.peer_rate ?? (lacp ? 'fast' : undefined),
      mon_rate: bonding.mon_rate ?? (bonded ? 100 : undefined),
      up_delay: bonding.up_delay ?? (bonded ? 200 : undefined),
      down_delay: bonding.down_delay ?? (bonded ? 200 : undefined),
    }),
    mtu: data.mtu,
    linkspeed: data.linkspeed,
    trunking: compact({ mode: data.trunking?.mode ?? 'disabled', default_network: data.trunking?.default_network }),
    allowed_networks: [...(data.allowed_networks ?? [])],
  });
}

/** DNS domain defaults to `local`. */
export function buildNetwork(document: DesignDocument, data: DesignData<'Network'>): Network {
  return compact({
    name: document.name,
    labels: labelsOf(document, data.labels),
    cidr: data.cidr,
    ranges: (data.ranges ?? []).map((range) => ({ ...range })),
    dns: compact({ domain: data.dns?.domain ?? 'local', servers: data.dns?.servers }),
    dhcp_relay: data.dhcp_relay && { ...data.dhcp_relay },
    mtu: data.mtu,
    vlan: data.vlan,
    routedomain: data.routedomain,
    // Routes to a routedomain (no subnet) are rendered into routes to its networks: renderRouteDomains.
    routes: (data.routes ?? []).flatMap(({ subnet, ...route }) => (subnet === undefined ? [] : [{ subnet, ...route }])),
  });
}

export function buildHardwareProfile(document: DesignDocument, data: DesignData<'HardwareProfile'>): HardwareProfile {
  return compact({
    name: document.name,
    labels: labelsOf(document),
    vendor: data.vendor,
    generation: data.generation,
    hw_version: data.hw_version,
    bios_version: data.bios_version,
    boot_mode: data.boot_mode,
    bootstrap_protocol: data.bootstrap_protocol,
    pxe_interface: data.pxe_interface,
    device_aliases: Object.fromEntries(
      Object.entries(data.device_aliases ?? {}).map(([alias, device]) => [
        alias,
        compact({ bus_type: device.bus_type, dev_type: device.dev_type, address: device.address }),
      ]),
    ),
    cpu_sets: { ...data.cpu_sets },
    hugepages: Object.fromEntries(Object.entries(data.hugepages ?? {}).map(([name, conf]) => [name, { ...conf }])),
  });
}

/** Signaling defaults to on; a pkg_list asset's `data` mapping is its package list. */
export function buildBootAction(document: DesignDocument, data: DesignData<'BootAction'>): BootAction {
  return compact({
    name: document.name,
    labels: labelsOf(document),
    signaling: data.signaling ?? true,
    assets: data.assets.map((asset) =>
      compact({
        type: asset.type,
        path: asset.path,
        location: asset.location,
        data: typeof asset.data === 'string' ? asset.data : undefined,
        location_pipeline: [...(asset.location_pipeline ?? [])],
        data_pipeline: [...(asset.data_pipeline ?? [])],
        permissions: asset.permissions,
        package_list: typeof asset.data === 'object' ? { ...asset.data } : undefined,
      }),
    ),
    node_filter: data.node_filter && structuredClone(data.node_filter),
  });
}
