import { InvalidParameterValueError } from '@slipway/errors';
import { AGENT_STATUSES } from '@slipway/rpc';
import { pythonStr } from '../ports/arg-values';

// The body of `POST /v1/heartbeat/{node}` checked as Ironic's HeartbeatController does: known
// arguments only, strings, and each optional one only from the version that introduced it.

export interface HeartbeatArgs {
  callbackUrl: string;
  agentToken?: string;
  agentVersion?: string;
  agentVerifyCa?: string;
  agentStatus?: string;
  agentStatusMessage?: string;
}

const NAMES = ['callback_url', 'agent_version', 'agent_token', 'agent_verify_ca', 'agent_status', 'agent_status_message'] as const;

export function parseHeartbeatArgs(body: unknown, minor: number): HeartbeatArgs {
  const value = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const unexpected = Object.keys(value).filter((name) => !(NAMES as readonly string[]).includes(name));
  if (unexpected.length) throw new InvalidParameterValueError(`Unexpected arguments: ${unexpected.join(', ')}`);
  const text = (name: (typeof NAMES)[number]): string | undefined => {
    const item = value[name];
    if (item === undefined || item === null) return undefined;
    if (typeof item !== 'string') throw new InvalidParameterValueError(`Expected string for ${name}: ${pythonStr(item)}`);
    return item;
  };
  const args = {
    callbackUrl: text('callback_url'),
    agentVersion: text('agent_version'),
    agentToken: text('agent_token'),
    agentVerifyCa: text('agent_verify_ca'),
    agentStatus: text('agent_status'),
    agentStatusMessage: text('agent_status_message'),
  };
  if (args.callbackUrl === undefined) throw new InvalidParameterValueError('Missing mandatory parameter: callback_url');
  if (args.agentVersion && minor < 36) throw new InvalidParameterValueError('Field "agent_version" not recognised');
  if ((args.agentStatus || args.agentStatusMessage) && minor < 72) throw new InvalidParameterValueError('Fields "agent_status" and "agent_status_message" not recognised.');
  if (args.agentVerifyCa !== undefined && minor < 68) throw new InvalidParameterValueError('Field "agent_verify_ca" not recognised in this version');
  return { ...args, callbackUrl: args.callbackUrl };
}

/** Checks that need the node first, in Ironic's order: a token, then a known agent status. */
export function checkHeartbeatToken(args: HeartbeatArgs): asserts args is HeartbeatArgs & { agentToken: string } {
  if (args.agentToken === undefined) throw new InvalidParameterValueError('Agent token is required for heartbeat processing.');
  if (args.agentStatus !== undefined && !(AGENT_STATUSES as readonly string[]).includes(args.agentStatus)) {
    throw new InvalidParameterValueError(`Agent status is invalid. Valid states are ${AGENT_STATUSES.join(',')}.`);
  }
}
