// A provision action (`PUT /v1/nodes/{node}/states/provision`), already checked by the api: the
// conductor re-checks the transition under the node lock, enters the new state and answers, then
// does the work in the background (Ironic's do_provisioning_action, do_node_deploy, ...).
import { z } from 'zod';
import { InvalidParameterValueError, InvalidStateRequestedError, NodeInMaintenanceError, NodeLockedError, NodeNotFoundError, NoFreeConductorWorkerError } from '@slipway/errors';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';

const requestedStep = z.object({ interface: z.string(), step: z.string(), args: z.record(z.string(), z.unknown()).optional(), priority: z.number().int().optional() });

export const nodeProvision = defineRpc({
  name: RPC_NAMES.nodeProvision,
  kind: 'call',
  request: z.object({
    uuid: z.guid(),
    /** The state-machine event the verb maps to (deploy, delete, manage, ...). */
    event: z.string(),
    /** Overrides the default target (a manual clean ends in `manageable`). */
    target: z.string().optional(),
    configdrive: z.unknown().optional(),
    cleanSteps: z.array(requestedStep).optional(),
    deploySteps: z.array(requestedStep).optional(),
    serviceSteps: z.array(requestedStep).optional(),
    rescuePassword: z.string().optional(),
  }),
  response: z.object({}),
  errors: [NodeNotFoundError, NodeLockedError, InvalidStateRequestedError, NodeInMaintenanceError, InvalidParameterValueError, NoFreeConductorWorkerError],
});

export type RequestedStep = z.infer<typeof requestedStep>;
