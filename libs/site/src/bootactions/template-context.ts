import { InvalidParameterValueError } from '@slipway/errors';
import type { BaremetalNode, SiteDesign } from '../model/site-design';

/** A node's address on one network, as templates see it (`node.network.<name>` and `node.network.default`). */
export interface BootActionNetworkContext {
  ip: string;
  cidr: string;
  dns_suffix: string;
}

/** One of the node's interfaces (`node.interfaces.<device name>`); the SR-IOV settings only when it has SR-IOV. */
export interface BootActionInterfaceContext {
  sriov: boolean;
  vf_count?: number;
  trustedmode?: boolean;
}

/** What a `template` pipeline step can name: Drydock's keys, spelled as Drydock spells them. */
export interface BootActionTemplateContext {
  node: {
    hostname: string;
    /** The DNS domain of the node's primary network, or `local`. */
    domain: string;
    tags: string[];
    /** The node's `metadata.owner_data`. */
    labels: Record<string, string>;
    /** By network name, for each static address; `default` is the primary network's entry. */
    network: Record<string, BootActionNetworkContext>;
    interfaces: Record<string, BootActionInterfaceContext>;
  };
  action: {
    /** The boot action's ULID, in its 26-character text form. */
    action_id: string;
    /** The key the node presents as `X-Bootaction-Key`, lower-case hex. */
    action_key: string;
    /** Where the node reports the action's progress. */
    report_url: string;
    design_ref: string;
  };
}

/** The boot action instance on one node: what the orchestrator recorded when it deployed the node. */
export interface BootActionIdentity {
  actionId: string;
  /** Hex, either case (Drydock compares the bytes). */
  actionKey: string;
  reportUrl: string;
  designRef: string;
}

/**
 * The context Drydock gives a boot action's templates on `node`: hostname, domain (primary
 * network's DNS domain or `local`), tags, labels (owner_data), one network entry per static address
 * (`dhcp` addresses have none) plus `default` for the primary network, the interfaces with their
 * SR-IOV settings, and the action's id, key, report URL and design ref.
 */
export function bootActionTemplateContext(node: BaremetalNode, design: SiteDesign, identity: BootActionIdentity): BootActionTemplateContext {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(identity.actionKey)) {
    throw new InvalidParameterValueError(`Boot action key for node ${node.name} must be a hex string of whole bytes.`, { node: node.name });
  }
  const networks = new Map(design.networks.map((network) => [network.name, network]));
  const network: Record<string, BootActionNetworkContext> = {};
  for (const { address, network: name } of node.addressing) {
    if (address === 'dhcp') continue;
    const defined = networks.get(name);
    if (defined === undefined) {
      throw new InvalidParameterValueError(`Node ${node.name} has an address on network ${name}, which the site design does not define.`, { node: node.name, network: name });
    }
    network[name] = { ip: address, cidr: defined.cidr, dns_suffix: defined.dns.domain };
    if (name === node.primary_network) network['default'] = network[name];
  }
  const primary = node.primary_network === undefined ? undefined : networks.get(node.primary_network);
  return {
    node: {
      hostname: node.name,
      domain: primary?.dns.domain || 'local',
      tags: [...node.metadata.tags],
      labels: { ...node.metadata.owner_data },
      network,
      interfaces: Object.fromEntries(
        Object.entries(node.interfaces).map(([name, { sriov }]) => [
          name,
          sriov === undefined ? { sriov: false } : { sriov: true, vf_count: sriov.vf_count ?? 0, trustedmode: sriov.trustmode ?? false },
        ]),
      ),
    },
    action: { action_id: identity.actionId, action_key: identity.actionKey.toLowerCase(), report_url: identity.reportUrl, design_ref: identity.designRef },
  };
}
