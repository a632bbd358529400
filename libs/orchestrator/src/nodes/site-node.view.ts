import type { NodeStates } from '@slipway/db';
import type { BaremetalNode, SiteDesign } from '@slipway/site';

/**
 * One node of `GET /nodes`: the design's node (Drydock's fields where it has them: hostname,
 * boot_mac, power_address, boot_ip) and the Ironic node of the same name, when one is enrolled.
 */
export interface SiteNodeView {
  hostname: string;
  rack: string | null;
  host_profile: string | null;
  hardware_profile: string | null;
  tags: string[];
  addressing: Array<{ network: string; address: string }>;
  boot_mac: string | null;
  /** The node's address on its OOB network. */
  power_address: string | null;
  /** The node's address on its primary network. */
  boot_ip: string | null;
  /** The Ironic node's provision state (Drydock's MAAS `status_name`); null when not enrolled. */
  status_name: string | null;
  power_state: string | null;
  ironic_node: { uuid: string; provision_state: string; target_provision_state: string | null; power_state: string | null; maintenance: boolean } | null;
}

const addressOn = (node: BaremetalNode, network: string | undefined): string | null =>
  (network === undefined ? undefined : node.addressing.find((entry) => entry.network === network && entry.address !== 'dhcp')?.address) ?? null;

export function siteNodeView(node: BaremetalNode, ironic: NodeStates | undefined): SiteNodeView {
  return {
    hostname: node.name,
    rack: node.metadata.rack ?? null,
    host_profile: node.host_profile ?? null,
    hardware_profile: node.hardware_profile ?? null,
    tags: [...node.metadata.tags],
    addressing: node.addressing.map(({ network, address }) => ({ network, address })),
    boot_mac: node.metadata.boot_mac ?? null,
    power_address: addressOn(node, node.oob.network),
    boot_ip: addressOn(node, node.primary_network),
    status_name: ironic?.provisionState ?? null,
    power_state: ironic?.powerState ?? null,
    ironic_node: ironic
      ? { uuid: ironic.uuid, provision_state: ironic.provisionState, target_provision_state: ironic.targetProvisionState, power_state: ironic.powerState, maintenance: ironic.maintenance }
      : null,
  };
}

/** The nodes of a design, each with the Ironic node of its name. */
export function siteNodesView(design: SiteDesign, states: readonly NodeStates[]): SiteNodeView[] {
  const byName = new Map(states.map((state) => [state.name, state]));
  return design.nodes.map((node) => siteNodeView(node, byName.get(node.name)));
}
