import { Inject, Injectable } from '@nestjs/common';
import { NodeRepository } from '@slipway/db';
import { InvalidParameterValueError, NodeNotFoundError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { PROVISION_STATES as S, ProvisionState } from '@slipway/provisioning';
import { nodeGetWithToken, nodeHeartbeat, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';
import { Clock, CLOCK } from '@slipway/runtime';
import { NodeLockService } from '../locks/node-lock.service';
import { AGENT_TOKEN_KEY, hasAgentToken, isAgentTokenValid, MASKED_TOKEN, newAgentToken } from './agent-token';

/** States in which a heartbeat is recorded; in any other the agent is ignored (Ironic's HEARTBEAT_ALLOWED). */
export const HEARTBEAT_ALLOWED_STATES: ReadonlySet<string> = new Set<ProvisionState>([
  S.DEPLOYWAIT, S.CLEANWAIT, S.RESCUEWAIT, S.SERVICEWAIT, S.DEPLOYING, S.CLEANING, S.RESCUING, S.SERVICING, S.DEPLOYHOLD, S.CLEANHOLD, S.SERVICEHOLD,
]);

/**
 * The conductor's side of the agent protocol: a one-time token for a looked-up node (Ironic's
 * get_node_with_token) and the recording of heartbeats (agent_url, agent_version,
 * agent_last_heartbeat...) under the node lock. A heartbeat does not wait for a busy node: it
 * answers NodeLocked at once and the agent comes back on its next beat.
 */
@Injectable()
export class AgentHeartbeatHandler {
  private readonly log = getLogger('AgentHeartbeatHandler');

  constructor(
    private readonly nodes: NodeRepository,
    private readonly locks: NodeLockService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers.on(nodeGetWithToken, (request) => this.getWithToken(request)).on(nodeHeartbeat, (request) => this.heartbeat(request));
  }

  async getWithToken({ uuid }: RpcRequestOf<typeof nodeGetWithToken>): Promise<{ token: string }> {
    if (hasAgentToken((await this.find(uuid)).driverInternalInfo)) {
      this.log.warn({ node: uuid }, 'agent token requested again; the node already has one');
      return { token: MASKED_TOKEN };
    }
    return this.locks.withLock(uuid, 'generate_token', async ({ node }) => {
      if (hasAgentToken(node.driverInternalInfo)) return { token: MASKED_TOKEN };
      const token = newAgentToken();
      await this.nodes.update(node.id, { driverInternalInfo: { ...node.driverInternalInfo, [AGENT_TOKEN_KEY]: token } });
      this.log.info({ node: uuid }, 'agent token generated');
      return { token };
    });
  }

  async heartbeat(request: RpcRequestOf<typeof nodeHeartbeat>): Promise<Record<string, never>> {
    const { uuid } = request;
    if (request.agentVersion === undefined) {
      throw new InvalidParameterValueError('Agent did not transmit a version, and a version is required. Please update the agent being used.');
    }
    const node = await this.find(uuid);
    checkToken(node.driverInternalInfo, request.agentToken, uuid);
    if (!HEARTBEAT_ALLOWED_STATES.has(node.provisionState)) {
      this.log.warn({ node: uuid, state: node.provisionState }, 'heartbeat in a state that takes none; ignored');
      return {};
    }
    await this.locks.withLock(
      uuid,
      'heartbeat',
      async ({ node: locked }) => {
        // The token may have been wiped or replaced since the read above.
        checkToken(locked.driverInternalInfo, request.agentToken, uuid);
        await this.nodes.update(locked.id, { driverInternalInfo: { ...locked.driverInternalInfo, ...this.recorded(request) } });
      },
      { attempts: 1 },
    );
    this.log.debug({ node: uuid, url: request.callbackUrl }, 'heartbeat recorded');
    return {};
  }

  /** What Ironic keeps of a heartbeat in driver_internal_info. */
  private recorded(request: RpcRequestOf<typeof nodeHeartbeat>): Record<string, string> {
    const values: Record<string, string> = {
      agent_url: request.callbackUrl,
      agent_version: request.agentVersion as string,
      agent_last_heartbeat: pythonUtcIsoformat(this.clock.now()),
    };
    if (request.agentVerifyCa) values.agent_verify_ca = request.agentVerifyCa;
    if (request.agentStatus) values.agent_status = request.agentStatus;
    if (request.agentStatusMessage) values.agent_status_message = request.agentStatusMessage;
    return values;
  }

  private async find(uuid: string) {
    const node = await this.nodes.findByUuid(uuid);
    if (!node) throw new NodeNotFoundError({ node: uuid });
    return node;
  }
}

function checkToken(driverInternalInfo: Record<string, unknown>, token: string, node: string): void {
  if (!isAgentTokenValid(driverInternalInfo, token)) {
    getLogger('AgentHeartbeatHandler').error({ node }, 'invalid or missing agent token received');
    throw new InvalidParameterValueError('Invalid or missing agent token received.');
  }
}

/** Python's `datetime.utcnow().isoformat()`: naive UTC, microseconds unless they are zero. */
export function pythonUtcIsoformat(date: Date): string {
  const iso = date.toISOString();
  const millis = iso.slice(20, 23);
  return millis === '000' ? iso.slice(0, 19) : `${iso.slice(0, 19)}.${millis}000`;
}
