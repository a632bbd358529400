// The deploy ramdisk's side of the agent protocol: lookup hands it a one-time token (Ironic's
// get_node_with_token), and heartbeats carrying that token are recorded by the owning conductor.
import { z } from 'zod';
import { InvalidParameterValueError, NodeLockedError, NodeNotFoundError } from '@slipway/errors';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';

export const nodeGetWithToken = defineRpc({
  name: RPC_NAMES.nodeGetWithToken,
  kind: 'call',
  request: z.object({ uuid: z.guid() }),
  /** The new token, or `******` when the node already has one (a token is handed out once). */
  response: z.object({ token: z.string() }),
  errors: [NodeNotFoundError, NodeLockedError],
});

export const AGENT_STATUSES = ['start', 'end', 'error'] as const;

export const nodeHeartbeat = defineRpc({
  name: RPC_NAMES.nodeHeartbeat,
  kind: 'call',
  request: z.object({
    uuid: z.guid(),
    callbackUrl: z.string(),
    agentToken: z.string(),
    agentVersion: z.string().optional(),
    agentVerifyCa: z.string().optional(),
    agentStatus: z.enum(AGENT_STATUSES).optional(),
    agentStatusMessage: z.string().optional(),
  }),
  response: z.object({}),
  /** NodeLocked at once (no retry): the agent heartbeats again soon. */
  errors: [NodeNotFoundError, NodeLockedError, InvalidParameterValueError],
});
