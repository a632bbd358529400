// Changing a node's power (Ironic's change_node_power_state): the conductor checks the request
// and records the target under the node lock, answers, then drives the power interface in the
// background and records the outcome (power_state, or last_error).
import { z } from 'zod';
import { InvalidParameterValueError, MissingParameterValueError, NodeLockedError, NodeNotFoundError, NoFreeConductorWorkerError, UnsupportedDriverExtensionError } from '@slipway/errors';
import { POWER_TARGETS } from '@slipway/provisioning';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';

export const nodeChangePowerState = defineRpc({
  name: RPC_NAMES.nodeChangePowerState,
  kind: 'call',
  request: z.object({
    uuid: z.guid(),
    target: z.enum(POWER_TARGETS),
    /** Seconds the driver may take; absent means its own default. */
    timeoutSeconds: z.number().int().positive().optional(),
  }),
  response: z.object({}),
  errors: [NodeNotFoundError, NodeLockedError, InvalidParameterValueError, MissingParameterValueError, UnsupportedDriverExtensionError, NoFreeConductorWorkerError],
});
