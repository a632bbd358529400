import { Injectable } from '@nestjs/common';
import type { NodeEntity } from '@slipway/db';
import { NodeRepository, PortRepository } from '@slipway/db';
import { IncompleteLookupError, InvalidError, NotFoundError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { LOOKUP_ALLOWED_STATES, ProvisionState } from '@slipway/provisioning';
import { AGENT_STATUSES, nodeGetWithToken, nodeHeartbeat } from '@slipway/rpc';
import { single } from '../common/query-values';
import { MASK } from '../common/secrets';
import { NodeOwnerRpcService } from '../node-states/node-owner-rpc.service';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import { expectUuid, expectUuidOrName, isMacAddress } from '../ports/arg-values';
import { parseFieldList, RawQuery } from '../ports/collection-query';
import { refuseUnexpected } from '../volume/volume-list-query';
import { checkHeartbeatToken, parseHeartbeatArgs } from './heartbeat-args';
import { lookupAnswer } from './lookup-answer';
import { nodeIdsByMacs } from './nodes-by-macs';

/** The ramdisk endpoints appeared in 1.22; lookup hands out agent tokens from 1.62. */
const RAMDISK_MIN_MINOR = 22;
const AGENT_TOKEN_MIN_MINOR = 62;

/**
 * `GET /v1/lookup` and `POST /v1/heartbeat/{node}`, the deploy ramdisk's calls. A lookup finds a
 * node only in a state that expects an agent, and answers every miss alike (404) so that callers
 * learn nothing about nodes in other states.
 */
@Injectable()
export class RamdiskService {
  private readonly log = getLogger('RamdiskService');

  constructor(
    private readonly nodes: NodeRepository,
    private readonly ports: PortRepository,
    private readonly nodeReads: NodesService,
    private readonly owner: NodeOwnerRpcService,
  ) {}

  async lookup(raw: RawQuery, context: RequestContext): Promise<{ node: Record<string, unknown>; config: Record<string, unknown> }> {
    if (context.minor < RAMDISK_MIN_MINOR) throw new NotFoundError();
    refuseUnexpected(raw, ['addresses', 'node_uuid']);
    const rawUuid = single(raw.node_uuid);
    const nodeUuid = rawUuid === undefined ? undefined : expectUuid('node_uuid', rawUuid);
    const requested = parseFieldList(single(raw.addresses)) ?? [];
    const macs = requested.filter(isMacAddress);
    if (macs.length < requested.length) this.log.warn({ addresses: requested.filter((a) => !isMacAddress(a)), node: nodeUuid }, 'invalid MAC addresses ignored by lookup');
    if (!macs.length && nodeUuid === undefined) throw new IncompleteLookupError();

    let node = nodeUuid !== undefined ? await this.nodes.findByUuid(nodeUuid) : await this.byAddresses(macs);
    if (!node || !LOOKUP_ALLOWED_STATES.has(node.provisionState as ProvisionState)) {
      this.log.warn({ node: node?.uuid, state: node?.provisionState, addresses: macs }, 'lookup found no node in a state that expects an agent');
      throw new NotFoundError();
    }
    let token: string | null;
    if (context.minor >= AGENT_TOKEN_MIN_MINOR) {
      token = (await this.owner.call(node, nodeGetWithToken, { uuid: node.uuid })).token;
      node = (await this.nodes.findByUuid(node.uuid)) ?? node;
    } else {
      // Ironic hands an old client the stored token itself; nobody gets it a second time here.
      token = typeof node.driverInternalInfo.agent_secret_token === 'string' ? MASK : null;
    }
    return lookupAnswer(node, token, context);
  }

  async heartbeat(ident: string, body: unknown, context: RequestContext): Promise<void> {
    if (context.minor < RAMDISK_MIN_MINOR) throw new NotFoundError();
    expectUuidOrName('node_ident', ident);
    const args = parseHeartbeatArgs(body, context.minor);
    const node = await this.nodeReads.find(ident, context.minor);
    const knownUrl = node.driverInternalInfo.agent_url;
    if (knownUrl !== undefined && knownUrl !== null && knownUrl !== args.callbackUrl) {
      this.log.error({ node: node.uuid, url: args.callbackUrl }, 'heartbeat with another callback URL than the recorded one; not processed');
      throw new InvalidError('Detected change in ramdisk provided "callback_url"');
    }
    checkHeartbeatToken(args);
    await this.owner.call(node, nodeHeartbeat, {
      uuid: node.uuid,
      callbackUrl: args.callbackUrl,
      agentToken: args.agentToken,
      agentVersion: args.agentVersion,
      agentVerifyCa: args.agentVerifyCa,
      agentStatus: args.agentStatus as (typeof AGENT_STATUSES)[number] | undefined,
      agentStatusMessage: args.agentStatusMessage,
    });
  }

  /** The one node whose ports have these MACs; none when no port or ports of several nodes match. */
  private async byAddresses(macs: string[]): Promise<NodeEntity | null> {
    const nodeIds = await nodeIdsByMacs(this.ports, macs);
    return nodeIds.length === 1 ? this.nodes.findById(nodeIds[0]) : null;
  }
}
