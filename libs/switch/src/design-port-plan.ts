// What the switch ports of a node should carry, read from the site design:
//
// - The VLAN of a network on a switch is its `vlan` (the 802.1Q tag its hosts use), or the label
//   `switch_vlan` when the hosts see the network untagged (Drydock's access links carry networks
//   without a `vlan`; DD2004 refuses a tag there) while the switch still needs its VLAN id.
// - Production (config_port_production): each port carries its interface's link: the VLANs of the
//   link's allowed networks. A link with 802.1q trunking is a trunk whose native VLAN is its
//   default_network's; a link without trunking is an access port on its default network (or its
//   only allowed network).
// - Provisioning (config_port_provisioning): the ports of the node's provisioning interface, the
//   one interface whose networks include a network with a `dhcp` range (PXE needs DHCP; Drydock's
//   MAAS driver serves DHCP exactly on such networks), become access ports on that network's VLAN.
//   The node's other ports are left as they are.
import { InvalidParameterValueError } from '@slipway/errors';
import type { BaremetalNode, Network, NetworkLink, SiteDesign } from '@slipway/site';
import { nodeSwitchPorts, type NodeSwitchPort } from './design-switch-ports';
import { isVlanId, type ProductionPortConfig, type ProvisioningPortConfig } from './switch-port';

export const SWITCH_VLAN_LABEL = 'switch_vlan';

export interface PlannedPort extends NodeSwitchPort {
  /** What production asks of the port. */
  production: ProductionPortConfig;
  /** What provisioning asks of the port; only the provisioning interface's ports have it. */
  provisioning?: ProvisioningPortConfig;
}

export interface NodePortPlan {
  /** The provisioning network, when the node has an interface on a network with a dhcp range. */
  provisioningNetwork?: string;
  /** Every switch port of the node, in the order of nodeSwitchPorts. Empty: the design names none. */
  ports: PlannedPort[];
}

type DesignParts = Pick<SiteDesign, 'racks' | 'networks' | 'networkLinks'>;

/** The port plan of `node`. Every mistake of the design is reported at once, in one InvalidParameterValue. */
export function nodePortPlan(node: Pick<BaremetalNode, 'name' | 'labels' | 'interfaces' | 'metadata'>, design: DesignParts): NodePortPlan {
  const ports = nodeSwitchPorts(node, design.racks);
  if (ports.length === 0) return { ports: [] };
  const problems: string[] = [];
  const vlanOf = (networkName: string): number | undefined => {
    const network = design.networks.find((candidate) => candidate.name === networkName);
    if (network === undefined) {
      problems.push(`network ${networkName} is not defined`);
      return undefined;
    }
    const vlan = switchVlan(network);
    if (typeof vlan !== 'number') problems.push(vlan.problem);
    return typeof vlan === 'number' ? vlan : undefined;
  };

  const provisioning = provisioningInterface(node, design.networks);
  if (typeof provisioning === 'object' && 'problem' in provisioning) problems.push(provisioning.problem);
  const provisioningVlan = typeof provisioning === 'object' && 'network' in provisioning && ports.some((port) => port.interface === provisioning.interface) ? vlanOf(provisioning.network) : undefined;

  const planned: PlannedPort[] = [];
  const productionByLink = new Map<string, ProductionPortConfig | undefined>();
  for (const port of ports) {
    if (port.link === undefined) {
      problems.push(`interface ${port.interface} has a switch port but no device_link`);
      continue;
    }
    if (!productionByLink.has(port.link)) productionByLink.set(port.link, linkProduction(port.link, design.networkLinks, vlanOf, problems));
    const production = productionByLink.get(port.link);
    if (production === undefined) continue;
    const isProvisioning = typeof provisioning === 'object' && 'network' in provisioning && provisioning.interface === port.interface;
    planned.push({ ...port, production, ...(isProvisioning && provisioningVlan !== undefined ? { provisioning: { provisioningVlan } } : {}) });
  }
  const unique = [...new Set(problems)];
  if (unique.length > 0) throw new InvalidParameterValueError(`The design cannot say what the switch ports of node ${node.name} carry: ${unique.join('; ')}.`);
  return { ...(typeof provisioning === 'object' && 'network' in provisioning ? { provisioningNetwork: provisioning.network } : {}), ports: planned };
}

/** The switch's VLAN id of a network: `labels.switch_vlan`, else `vlan`. */
export function switchVlan(network: Pick<Network, 'name' | 'vlan' | 'labels'>): number | { problem: string } {
  const labelled = network.labels?.[SWITCH_VLAN_LABEL];
  const [value, where] = labelled === undefined ? [network.vlan, 'vlan'] : [labelled, `label ${SWITCH_VLAN_LABEL}`];
  if (value === undefined) return { problem: `network ${network.name} has no VLAN for the switch (give it a vlan, or the label ${SWITCH_VLAN_LABEL} when its hosts use it untagged)` };
  const id = typeof value === 'number' ? value : /^\d+$/.test(String(value).trim()) ? Number(value) : NaN;
  if (!isVlanId(id)) return { problem: `network ${network.name}: ${where} ${JSON.stringify(value)} is not a VLAN id from 1 to 4094` };
  return id;
}

function linkProduction(
  linkName: string,
  links: readonly NetworkLink[],
  vlanOf: (network: string) => number | undefined,
  problems: string[],
): ProductionPortConfig | undefined {
  const link = links.find((candidate) => candidate.name === linkName);
  if (link === undefined) {
    problems.push(`network link ${linkName} is not defined`);
    return undefined;
  }
  const native = link.trunking.default_network;
  if (link.trunking.mode !== '802.1q') {
    const only = native ?? (link.allowed_networks.length === 1 ? link.allowed_networks[0] : undefined);
    if (only === undefined) {
      problems.push(`network link ${linkName} has no trunking and no default_network, so its access VLAN is unknown`);
      return undefined;
    }
    const vlan = vlanOf(only);
    return vlan === undefined ? undefined : { allowedVlans: [vlan] };
  }
  const names = [...new Set([...link.allowed_networks, ...(native === undefined ? [] : [native])])];
  if (names.length === 0) {
    problems.push(`network link ${linkName} allows no networks`);
    return undefined;
  }
  const vlans = names.map(vlanOf);
  if (vlans.some((vlan) => vlan === undefined)) return undefined;
  const nativeVlan = native === undefined ? undefined : vlans[names.indexOf(native)];
  return { allowedVlans: vlans as number[], ...(nativeVlan === undefined ? {} : { nativeVlan }) };
}

/** The node's one interface on a network with a dhcp range; none is fine, several are a mistake. */
function provisioningInterface(
  node: Pick<BaremetalNode, 'interfaces'>,
  networks: readonly Network[],
): { interface: string; network: string } | { problem: string } | undefined {
  const dhcpNetworks = new Set(networks.filter((network) => network.ranges.some((range) => range.type === 'dhcp')).map((network) => network.name));
  const candidates = Object.entries(node.interfaces).flatMap(([name, iface]) =>
    iface.networks.filter((network) => dhcpNetworks.has(network)).map((network) => ({ interface: name, network })),
  );
  if (candidates.length === 0) return undefined;
  if (candidates.length > 1) {
    return { problem: `it has several interfaces on networks with a dhcp range (${candidates.map((c) => `${c.interface}: ${c.network}`).join(', ')}), so its provisioning interface is ambiguous` };
  }
  return candidates[0];
}

/** The switch side of a whole design (prepare_site's create_network_template). */
export interface SiteNetworkTemplate {
  /** Nodes with switch ports, and the ports they name. */
  nodes: number;
  ports: number;
  /** The switches and the VLANs the ports use, sorted. */
  switches: string[];
  vlans: number[];
  /** One message per node whose ports the design gets wrong. */
  problems: string[];
}

/** Every node's port plan, summed up; a node's mistakes are a problem each, the other nodes still count. */
export function siteNetworkTemplate(design: DesignParts & Pick<SiteDesign, 'nodes'>): SiteNetworkTemplate {
  const switches = new Set<string>();
  const vlans = new Set<number>();
  const problems: string[] = [];
  let nodes = 0;
  let ports = 0;
  for (const node of design.nodes) {
    let plan: NodePortPlan;
    try {
      plan = nodePortPlan(node, design);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
      continue;
    }
    if (plan.ports.length === 0) continue;
    nodes += 1;
    ports += plan.ports.length;
    for (const port of plan.ports) {
      switches.add(port.port.slice(0, port.port.indexOf('/')));
      for (const vlan of [...port.production.allowedVlans, ...(port.provisioning ? [port.provisioning.provisioningVlan] : [])]) vlans.add(vlan);
    }
  }
  return { nodes, ports, switches: [...switches].sort(), vlans: [...vlans].sort((a, b) => a - b), problems };
}
