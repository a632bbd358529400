// Liveness of one conductor over RPC: proves its queue is consumed and its handlers run.
import { z } from 'zod';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';

export const conductorPingRequest = z.object({});
export const conductorPingResponse = z.object({
  hostname: z.string().min(1),
  /** The conductor's clock, ISO 8601 UTC. */
  time: z.iso.datetime(),
});

export type ConductorPingRequest = z.infer<typeof conductorPingRequest>;
export type ConductorPingResponse = z.infer<typeof conductorPingResponse>;

export const conductorPing = defineRpc({
  name: RPC_NAMES.conductorPing,
  kind: 'call',
  request: conductorPingRequest,
  response: conductorPingResponse,
  errors: [],
  // A ping that takes longer than this is as good as no answer.
  timeoutMs: 5_000,
});
