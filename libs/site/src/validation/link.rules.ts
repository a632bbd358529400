import type { NetworkLink } from '../model/site-design';
import { defineRule, linkDoc, listed, networkDoc, nodeDoc } from './validation-rule';

// Network links: MTUs, trunking, bonding, and which networks cross which link.

const MIN_MTU = 1280;
const MAX_MTU = 65536;

/** The networks a link carries: its allowed networks and its native (default) network. */
const carries = (link: NetworkLink, network: string): boolean => link.allowed_networks.includes(network) || link.trunking.default_network === network;
const saneMtu = (mtu: number | undefined): mtu is number => mtu !== undefined && mtu >= MIN_MTU && mtu <= MAX_MTU;

/** DD2003: MTUs are within 1280–65536, and no network's MTU is larger than that of a link carrying it. */
export const mtuRationality = defineRule({ id: 'DD2003', name: 'MTU Rationality', severity: 'error' }, function* (design) {
  const diagnostic = 'Define a valid MTU. Standard is 1500, Jumbo is 9100.';
  for (const link of design.networkLinks) {
    if (link.mtu !== undefined && !saneMtu(link.mtu)) {
      yield { message: `NetworkLink ${link.name}: MTU ${link.mtu} is not between ${MIN_MTU} and ${MAX_MTU}.`, documents: [linkDoc(link)], diagnostic };
    }
  }
  for (const network of design.networks) {
    if (network.mtu === undefined) continue;
    if (!saneMtu(network.mtu)) {
      yield { message: `Network ${network.name}: MTU ${network.mtu} is not between ${MIN_MTU} and ${MAX_MTU}.`, documents: [networkDoc(network)], diagnostic };
      continue;
    }
    // Every link that carries the network, not only the one where it is native; an MTU out of range is reported once, above.
    for (const link of design.networkLinks) {
      if (saneMtu(link.mtu) && carries(link, network.name) && network.mtu > link.mtu) {
        yield {
          message: `Network ${network.name}: MTU ${network.mtu} is larger than the MTU ${link.mtu} of NetworkLink ${link.name}, which carries it.`,
          documents: [networkDoc(network), linkDoc(link)],
          diagnostic: 'Define a MTU less than or equal to that of the carrying network link.',
        };
      }
    }
  }
});

/** DD2004: a link without trunking carries one untagged native network. */
export const networkTrunkingRationality = defineRule({ id: 'DD2004', name: 'Network Trunking Rationality', severity: 'error' }, function* (design) {
  const networks = new Map(design.networks.map((network) => [network.name, network]));
  for (const link of design.networkLinks) {
    if (link.trunking.mode !== 'disabled') continue;
    const subject = `NetworkLink ${link.name}: trunking is disabled`;
    if (link.allowed_networks.length > 1) {
      yield { message: `${subject} but it allows ${link.allowed_networks.length} networks (${listed(link.allowed_networks)}).`, documents: [linkDoc(link)], diagnostic: 'Reduce the allowed network list to 1 or enable 802.1q trunking on the link.' };
    }
    const native = link.trunking.default_network;
    if (!native) {
      yield { message: `${subject} and no trunking.default_network is set.`, documents: [linkDoc(link)], diagnostic: 'Non-trunked links must have a native network defined.' };
      continue;
    }
    const network = networks.get(native);
    if (network && network.vlan !== undefined && network.vlan !== null && network.vlan !== '') {
      yield { message: `${subject} but its native network ${native} has VLAN tag ${network.vlan}.`, documents: [networkDoc(network), linkDoc(link)], diagnostic: 'Tagged network not allowed on non-trunked network links.' };
    }
  }
});

const BOND_OPTIONS = ['peer_rate', 'hash', 'mon_rate', 'up_delay', 'down_delay'] as const;

/** DD1006: bonding options match the bonding mode. */
export const networkBondRationality = defineRule({ id: 'DD1006', name: 'Network Bond Rationality', severity: 'error' }, function* (design) {
  for (const link of design.networkLinks) {
    const bonding = link.bonding;
    const subject = `NetworkLink ${link.name}`;
    if (bonding.mode === 'disabled') {
      const set = BOND_OPTIONS.filter((option) => bonding[option] !== undefined && bonding[option] !== null).map((option) => `${option} ${bonding[option]}`);
      if (set.length > 0) yield { message: `${subject}: bonding is disabled but ${listed(set)} ${set.length > 1 ? 'are' : 'is'} set.`, documents: [linkDoc(link)], diagnostic: 'Enable a bonding mode or remove the bond options.' };
    } else if (bonding.mode === '802.3ad') {
      for (const delay of ['up_delay', 'down_delay'] as const) {
        const value = bonding[delay];
        if (value !== undefined && bonding.mon_rate !== undefined && value < bonding.mon_rate) {
          yield { message: `${subject}: bonding ${delay} ${value} is less than mon_rate ${bonding.mon_rate}.`, documents: [linkDoc(link)], diagnostic: `Link ${delay.replace('_', ' ')} must be equal or greater than the mon_rate.` };
        }
      }
    } else {
      // active-backup and balance-rr (Drydock tested "balanced-rr", which no link can have).
      for (const option of ['hash', 'peer_rate'] as const) {
        if (bonding[option] !== undefined && bonding[option] !== null) {
          yield { message: `${subject}: bonding ${option} ${bonding[option]} cannot be set when the bonding mode is ${bonding.mode}.`, documents: [linkDoc(link)], diagnostic: `The ${option} applies to LACP (802.3ad) only.` };
        }
      }
    }
  }
});

/** DD1007: a network crosses one link only, and node interfaces carry only networks their link allows. */
export const allowedNetworkCheck = defineRule({ id: 'DD1007', name: 'Allowed Network Check', severity: 'error' }, function* (design) {
  const links = new Map(design.networkLinks.map((link) => [link.name, link]));
  const carriers = new Map<string, NetworkLink[]>();
  for (const link of design.networkLinks) {
    for (const network of new Set(link.allowed_networks)) carriers.set(network, [...(carriers.get(network) ?? []), link]);
  }
  for (const [network, via] of carriers) {
    if (via.length > 1) {
      yield { message: `Network ${network} is allowed on ${via.length} NetworkLinks: ${listed(via.map((link) => link.name))}.`, documents: via.map(linkDoc), diagnostic: 'Each network is only allowed to cross a single network link.' };
    }
  }
  for (const node of design.nodes) {
    for (const [name, iface] of Object.entries(node.interfaces)) {
      if (iface.networks.length === 0) continue;
      const subject = `BaremetalNode ${node.name}: interface ${name}`;
      const link = iface.device_link === undefined ? undefined : links.get(iface.device_link);
      if (!link) {
        yield {
          message: iface.device_link === undefined ? `${subject} carries networks (${listed(iface.networks)}) but has no device_link.` : `${subject} uses NetworkLink ${iface.device_link}, which is not defined.`,
          documents: [nodeDoc(node)],
          diagnostic: 'Define the network link attached to this interface.',
        };
        continue;
      }
      for (const network of iface.networks) {
        if (!link.allowed_networks.includes(network)) {
          yield {
            message: `${subject} is attached to network ${network}, which NetworkLink ${link.name} does not allow (allowed: ${listed(link.allowed_networks) || 'none'}).`,
            documents: [nodeDoc(node), linkDoc(link)],
            diagnostic: 'Interfaces can only be attached to networks allowed on the network link connected to the interface.',
          };
        }
      }
    }
  }
});
