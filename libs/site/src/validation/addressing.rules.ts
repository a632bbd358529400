import type { BaremetalNode, Network, NodeAddress, SiteDesign } from '../model/site-design';
import { cidrContains, formatCidr, formatIp, parseCidr, parseIp, type Cidr, type IpAddress } from './ip-address';
import { defineRule, networkDoc, nodeDoc, type RuleIssue } from './validation-rule';

// Networks and the static addresses of nodes. A network whose CIDR does not parse is DD2006's finding;
// the other rules skip it. An address outside its network's CIDR is DD2002's; DD2007 skips it.

const noNetworks = (): RuleIssue => ({ level: 'Warning', message: 'No networks found.', documents: [], diagnostic: 'Site design likely incomplete without defined networks.' });
const noNodes = (): RuleIssue => ({ level: 'Warning', message: 'No BaremetalNodes found.', documents: [], diagnostic: 'Site design unlikely complete with no defined baremetal nodes.' });

/** A node's addresses other than `dhcp`. */
function* staticAddresses(design: SiteDesign): Generator<{ node: BaremetalNode; address: NodeAddress }> {
  for (const node of design.nodes) {
    for (const address of node.addressing) if (address.address !== 'dhcp') yield { node, address };
  }
}

/** A static address with its network, when the network is defined, its CIDR parses and holds the address. */
function* localAddresses(design: SiteDesign): Generator<{ node: BaremetalNode; address: NodeAddress; network: Network; ip: IpAddress }> {
  const networks = new Map(design.networks.map((network) => [network.name, network]));
  for (const { node, address } of staticAddresses(design)) {
    const network = networks.get(address.network);
    const cidr = network && parseCidr(network.cidr);
    const ip = parseIp(address.address);
    if (network && cidr && ip && cidrContains(cidr, ip)) yield { node, address, network, ip };
  }
}

/** DD2006: every network CIDR parses and has no host bits set. */
export const cidrValidity = defineRule({ id: 'DD2006', name: 'CIDR Validity', severity: 'error' }, function* (design) {
  if (design.networks.length === 0) yield noNetworks();
  for (const network of design.networks) {
    const cidr = parseCidr(network.cidr);
    if (!cidr) {
      yield { message: `Network ${network.name}: CIDR "${network.cidr}" is not a valid CIDR.`, documents: [networkDoc(network)], diagnostic: 'Write the CIDR as address/prefix, such as 10.0.0.0/24.' };
    } else if (cidr.hostBitsSet) {
      yield { message: `Network ${network.name}: CIDR ${network.cidr} has host bits set.`, documents: [networkDoc(network)], diagnostic: `Provide a CIDR acceptable to the provisioner: ${formatCidr(cidr)}` };
    }
  }
});

function* routeIssues(network: Network, cidr: Cidr): Generator<RuleIssue> {
  for (const route of network.routes) {
    if (!route.gateway) {
      yield { message: `Network ${network.name}: the route to ${route.subnet} has no gateway.`, documents: [networkDoc(network)], diagnostic: 'Define a network-local gateway for the route.' };
      continue;
    }
    const gateway = parseIp(route.gateway);
    if (!gateway || !cidrContains(cidr, gateway)) {
      yield {
        message: `Network ${network.name}: the gateway ${route.gateway} of the route to ${route.subnet} is ${gateway ? `not within the network's CIDR ${network.cidr}` : 'not an IP address'}.`,
        documents: [networkDoc(network)],
        diagnostic: 'Route gateways must reside on the local network. Check gateway IP and CIDR netmask.',
      };
    }
  }
}

/** DD2002: route gateways and node addresses lie within their network's CIDR. */
export const ipLocalityCheck = defineRule({ id: 'DD2002', name: 'IP Locality Check', severity: 'error' }, function* (design) {
  if (design.networks.length === 0) yield noNetworks();
  const networks = new Map(design.networks.map((network) => [network.name, network]));
  for (const network of design.networks) {
    const cidr = parseCidr(network.cidr);
    if (cidr) yield* routeIssues(network, cidr);
  }
  if (design.nodes.length === 0) yield noNodes();
  for (const { node, address } of staticAddresses(design)) {
    const subject = `BaremetalNode ${node.name}: address ${address.address}`;
    const network = networks.get(address.network);
    if (!network) {
      yield { message: `${subject} is on network ${address.network}, which is not defined.`, documents: [nodeDoc(node)], diagnostic: 'Define the network or correct the address definition.' };
      continue;
    }
    const cidr = parseCidr(network.cidr);
    const ip = parseIp(address.address);
    if (!ip) {
      yield { message: `${subject} on network ${network.name} is not an IP address.`, documents: [nodeDoc(node)], diagnostic: 'Give an IP address, or "dhcp".' };
    } else if (cidr && !cidrContains(cidr, ip)) {
      yield { message: `${subject} is not within the CIDR ${network.cidr} of network ${network.name}.`, documents: [nodeDoc(node), networkDoc(network)], diagnostic: 'Define a valid address for this network.' };
    }
  }
});

/** DD2005: no address is given to two nodes (or twice to one). */
export const duplicatedIpCheck = defineRule({ id: 'DD2005', name: 'Duplicated IP Check', severity: 'error' }, function* (design) {
  if (design.nodes.length === 0) yield noNodes();
  const seen = new Map<string, { node: BaremetalNode; network: string }>();
  for (const { node, address } of staticAddresses(design)) {
    const ip = parseIp(address.address);
    const key = ip ? formatIp(ip) : address.address;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { node, network: address.network });
      continue;
    }
    yield {
      message: `Duplicate IP address ${address.address}: BaremetalNode ${first.node.name} has it on network ${first.network} and BaremetalNode ${node.name} on network ${address.network}.`,
      documents: first.node === node ? [nodeDoc(node)] : [nodeDoc(first.node), nodeDoc(node)],
      diagnostic: 'Select unique IP addresses for each node.',
    };
  }
});

/**
 * DD2007 (new): a static address lies in a range of type `static` of its network. `dhcp` ranges are
 * leased to whoever asks and `reserved` ones are kept out of allocation, so an address there clashes.
 */
export const staticAddressRange = defineRule({ id: 'DD2007', name: 'Static IP Range Check', severity: 'error' }, function* (design) {
  for (const { node, address, network, ip } of localAddresses(design)) {
    const ranges = network.ranges.flatMap((range) => {
      const start = parseIp(range.start);
      const end = parseIp(range.end);
      return start && end && start.version === ip.version ? [{ ...range, holds: start.value <= ip.value && ip.value <= end.value }] : [];
    });
    if (ranges.some((range) => range.holds && range.type === 'static')) continue;
    const statics = ranges.filter((range) => range.type === 'static').map((range) => `${range.start}-${range.end}`);
    const other = ranges.find((range) => range.holds);
    yield {
      message:
        `BaremetalNode ${node.name}: address ${address.address} is not in a static range of network ${network.name}` +
        `${other ? ` (it is in the ${other.type} range ${other.start}-${other.end})` : ''}; ` +
        `${statics.length ? `its static ranges: ${statics.join(', ')}` : `network ${network.name} declares no static range`}.`,
      documents: [nodeDoc(node), networkDoc(network)],
      diagnostic: 'Static node addresses come from a range of type static of their network.',
    };
  }
});
