import { Injectable } from '@nestjs/common';
import type { NodeEntity } from '@slipway/db';
import { NodeRepository, PortRepository } from '@slipway/db';
import { NotFoundError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { PROVISION_STATES } from '@slipway/provisioning';
import { bmcAddressesOf } from './bmc-addresses';
import { nodeIdsByMacs } from './nodes-by-macs';

/** What an inspection ramdisk identifies its node by. */
export interface InspectionLookupKeys {
  nodeUuid?: string;
  macs: readonly string[];
  bmcAddresses: readonly string[];
}

/**
 * Ironic's inspection lookup: the node the ramdisk names (if it does), checked against the owner
 * of its NICs' ports, then against the nodes waiting for inspection data whose BMC address it
 * reports. The node must be in `inspect wait`. Every failure, a conflict between the keys
 * included, is the same bare 404, so callers learn nothing about other nodes.
 */
@Injectable()
export class InspectionLookup {
  private readonly log = getLogger('InspectionLookup');

  constructor(
    private readonly nodes: NodeRepository,
    private readonly ports: PortRepository,
  ) {}

  async find(keys: InspectionLookupKeys): Promise<NodeEntity> {
    let node = keys.nodeUuid === undefined ? null : await this.nodes.findByUuid(keys.nodeUuid);
    if (keys.nodeUuid !== undefined && !node) this.miss(keys, 'no node has the uuid given');
    if (keys.macs.length) node = await this.byMacs(keys, node);
    if (node && node.provisionState !== PROVISION_STATES.INSPECTWAIT) this.miss(keys, `node ${node.uuid} is in provision state ${node.provisionState}`);
    if (keys.bmcAddresses.length) node = await this.byBmc(keys, node);
    // Ironic would enrol an unknown node here when auto-discovery is on; Slipway has none.
    return node ?? this.miss(keys, 'no node satisfies the MAC and BMC addresses');
  }

  private async byMacs(keys: InspectionLookupKeys, known: NodeEntity | null): Promise<NodeEntity | null> {
    const ids = await nodeIdsByMacs(this.ports, keys.macs);
    if (ids.length > 1) this.miss(keys, 'the MAC addresses belong to several nodes');
    if (!ids.length) return known;
    if (known && known.id !== ids[0]) this.miss(keys, `the MAC addresses belong to another node than ${known.uuid}`);
    return known ?? (await this.nodes.findById(ids[0])) ?? this.miss(keys, 'the node of the MAC addresses went away');
  }

  private async byBmc(keys: InspectionLookupKeys, known: NodeEntity | null): Promise<NodeEntity | null> {
    // The same BMC host may serve several nodes (Redfish): find every candidate first.
    const waiting = await this.nodes.listInProvisionState(PROVISION_STATES.INSPECTWAIT);
    const matching = waiting.filter((node) => bmcAddressesOf(node).some((address) => keys.bmcAddresses.includes(address)));
    if (known && matching.length && !matching.some((node) => node.id === known.id)) this.miss(keys, `other nodes than ${known.uuid} have the BMC address`);
    if (known || !matching.length) return known;
    if (matching.length > 1) this.miss(keys, 'several nodes have the BMC address and none has the MAC addresses');
    return matching[0];
  }

  private miss(keys: InspectionLookupKeys, reason: string): never {
    this.log.error({ node: keys.nodeUuid, macs: keys.macs, bmcAddresses: keys.bmcAddresses, reason }, 'inspection lookup failed');
    throw new NotFoundError();
  }
}
