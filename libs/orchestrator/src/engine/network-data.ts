import type { BaremetalNode, Network, NetworkLink, SiteDesign } from '@slipway/site';

// A design node's networking as OpenStack's network_data.json (links, networks, services), the
// format of Ironic's `network_data` field that a config drive hands to the instance (pure).

interface LinkEntry {
  id: string;
  type: 'phy' | 'bond' | 'vlan';
  mtu?: number;
  bond_links?: string[];
  bond_mode?: string;
  bond_xmit_hash_policy?: string;
  bond_miimon?: number;
  vlan_link?: string;
  vlan_id?: number;
}

interface NetworkEntry {
  id: string;
  network_id: string;
  link: string;
  type: 'ipv4' | 'ipv6' | 'ipv4_dhcp';
  ip_address?: string;
  netmask?: string;
  routes?: Array<{ network: string; netmask: string; gateway: string }>;
}

export interface NetworkData {
  links: LinkEntry[];
  networks: NetworkEntry[];
  services: Array<{ type: 'dns'; address: string }>;
}

/**
 * One link per interface (a bond over its slaves when it has more than one, with a `phy` link per
 * slave), a VLAN link for each tagged network an interface trunks (the link's native network
 * stays untagged), one network per address of the node on a network some interface carries
 * (`dhcp` → ipv4_dhcp), with the network's routes, and the DNS servers of those networks.
 * Addresses on networks no interface carries (the BMC's, on the OOB network) are left out.
 */
export function networkDataFor(node: BaremetalNode, design: SiteDesign): NetworkData {
  const links: LinkEntry[] = [];
  const linkOfNetwork = new Map<string, string>();
  for (const [name, iface] of Object.entries(node.interfaces)) {
    const deviceLink = design.networkLinks.find((link) => link.name === iface.device_link);
    const mtu = deviceLink?.mtu;
    if (iface.slaves.length > 1) {
      for (const slave of iface.slaves) links.push(withoutUndefined({ id: slave, type: 'phy', mtu }));
      links.push(withoutUndefined({ id: name, type: 'bond', mtu, bond_links: [...iface.slaves], ...bondOptions(deviceLink) }));
    } else {
      links.push(withoutUndefined({ id: name, type: 'phy', mtu }));
    }
    for (const networkName of iface.networks) {
      const network = design.networks.find((candidate) => candidate.name === networkName);
      const vlan = network?.vlan === undefined ? undefined : Number(network.vlan);
      const native = deviceLink?.trunking.default_network === networkName || deviceLink?.trunking.mode !== '802.1q';
      if (vlan === undefined || Number.isNaN(vlan) || native) {
        linkOfNetwork.set(networkName, name);
        continue;
      }
      const id = `${name}.${vlan}`;
      links.push(withoutUndefined({ id, type: 'vlan', mtu: network?.mtu, vlan_link: name, vlan_id: vlan }));
      linkOfNetwork.set(networkName, id);
    }
  }
  const networks: NetworkEntry[] = [];
  const dns = new Set<string>();
  for (const entry of node.addressing) {
    const link = linkOfNetwork.get(entry.network);
    if (link === undefined) continue;
    const network = design.networks.find((candidate) => candidate.name === entry.network);
    for (const server of (network?.dns.servers ?? '').split(/[,\s]+/).filter((s) => s !== '')) dns.add(server);
    if (entry.address === 'dhcp') {
      networks.push({ id: entry.network, network_id: entry.network, link, type: 'ipv4_dhcp' });
      continue;
    }
    const ipv6 = entry.address.includes(':');
    networks.push({
      id: entry.network,
      network_id: entry.network,
      link,
      type: ipv6 ? 'ipv6' : 'ipv4',
      ip_address: entry.address,
      netmask: network ? netmaskOf(network.cidr) : undefined,
      routes: network ? routesOf(network) : [],
    });
  }
  return { links, networks: networks.map(withoutUndefined), services: [...dns].map((address) => ({ type: 'dns', address })) };
}

function bondOptions(link: NetworkLink | undefined): Partial<LinkEntry> {
  if (link === undefined || link.bonding.mode === 'disabled') return {};
  return { bond_mode: link.bonding.mode, bond_xmit_hash_policy: link.bonding.hash, bond_miimon: link.bonding.mon_rate };
}

function routesOf(network: Network): NetworkEntry['routes'] {
  return network.routes.flatMap((route) => {
    if (route.gateway === undefined) return [];
    const [prefix] = route.subnet.split('/');
    return [{ network: prefix, netmask: netmaskOf(route.subnet) ?? '', gateway: route.gateway }];
  });
}

/** `10.0.0.0/24` → `255.255.255.0`; an IPv6 prefix length → the mask in full hex groups. */
export function netmaskOf(cidr: string): string | undefined {
  const [address, lengthText] = cidr.split('/');
  const length = Number(lengthText);
  if (lengthText === undefined || !Number.isInteger(length)) return undefined;
  const ipv6 = address.includes(':');
  const bits = ipv6 ? 128 : 32;
  if (length < 0 || length > bits) return undefined;
  const groupBits = ipv6 ? 16 : 8;
  const groups = Array.from({ length: bits / groupBits }, (_, index) => {
    const ones = Math.min(groupBits, Math.max(0, length - index * groupBits));
    return ((2 ** groupBits - 1) ^ (2 ** (groupBits - ones) - 1)) >>> 0;
  });
  return ipv6 ? groups.map((group) => group.toString(16)).join(':') : groups.join('.');
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
