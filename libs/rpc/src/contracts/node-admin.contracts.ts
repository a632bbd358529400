// Creating, changing and deleting nodes: the conductor validates the driver and interfaces with
// its driver registry and writes under the node lock, as Ironic's create/update/destroy_node.
import { z } from 'zod';
import {
  ChassisNotFoundError, DuplicateNameError, IncompatibleInterfaceError, InstanceAssociatedError, InterfaceNotFoundInEntrypointError,
  InvalidParameterValueError, InvalidStateError, NodeAlreadyExistsError, NodeAssociatedError, NodeLockedError, NodeNotFoundError,
  NodeProtectedError, NoValidDefaultForInterfaceError, NoValidHostError,
} from '@slipway/errors';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';
import { nodeWritableFields } from './node-fields.schema';

const nodeRef = z.object({ uuid: z.guid() });
const interfaceErrors = [IncompatibleInterfaceError, InterfaceNotFoundInEntrypointError, NoValidDefaultForInterfaceError, NoValidHostError];

export const nodeCreate = defineRpc({
  name: RPC_NAMES.nodeCreate,
  kind: 'call',
  request: z.object({
    fields: nodeWritableFields.required({ uuid: true, driver: true }),
    /** `enroll` from 1.11, `available` before, as Ironic starts new nodes. */
    initialState: z.enum(['enroll', 'available']),
  }),
  response: nodeRef,
  errors: [...interfaceErrors, DuplicateNameError, NodeAlreadyExistsError, InstanceAssociatedError, ChassisNotFoundError, InvalidParameterValueError],
});

export const nodeUpdate = defineRpc({
  name: RPC_NAMES.nodeUpdate,
  kind: 'call',
  request: z.object({
    uuid: z.guid(),
    /** Only the fields the patch changed. */
    changes: nodeWritableFields.omit({ uuid: true }),
    /** `?reset_interfaces=true`: recompute every interface the request does not set. */
    resetInterfaces: z.boolean().default(false),
  }),
  response: nodeRef,
  errors: [...interfaceErrors, NodeNotFoundError, NodeLockedError, InvalidStateError, DuplicateNameError, InstanceAssociatedError, ChassisNotFoundError, InvalidParameterValueError],
});

export const nodeDestroy = defineRpc({
  name: RPC_NAMES.nodeDestroy,
  kind: 'call',
  request: nodeRef,
  response: z.object({}),
  errors: [NodeNotFoundError, NodeLockedError, InvalidStateError, NodeProtectedError, NodeAssociatedError],
});
