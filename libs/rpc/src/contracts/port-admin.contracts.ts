// Creating, changing and deleting ports: the api has validated the request (Ironic's API checks);
// the conductor that owns the node does the write under the node lock, as Ironic's
// create_port, update_port and destroy_port.
import { z } from 'zod';
import {
  ConflictError, InvalidParameterValueError, InvalidStateError, MACAlreadyExistsError, NodeLockedError, NodeNotFoundError, PortAlreadyExistsError,
  PortgroupNotFoundError, PortNotFoundError,
} from '@slipway/errors';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';

const macAddress = z.string().regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/, 'a lower-case MAC address');
const jsonObject = z.record(z.string(), z.unknown());

/** The port fields a client may set, in Ironic's API names (node and portgroup travel apart). */
export const portWritableFields = z
  .object({
    address: macAddress,
    extra: jsonObject,
    local_link_connection: jsonObject,
    pxe_enabled: z.boolean(),
    physical_network: z.string().min(1).max(64).nullable(),
    is_smartnic: z.boolean(),
  })
  .partial()
  .strict();

export type PortWritableFields = z.infer<typeof portWritableFields>;

const portRef = z.object({ uuid: z.guid() });

export const portCreate = defineRpc({
  name: RPC_NAMES.portCreate,
  kind: 'call',
  request: z.object({
    uuid: z.guid(),
    nodeUuid: z.guid(),
    portgroupUuid: z.guid().nullable(),
    fields: portWritableFields.required({ address: true }),
  }),
  response: portRef,
  errors: [NodeNotFoundError, NodeLockedError, PortgroupNotFoundError, MACAlreadyExistsError, PortAlreadyExistsError, InvalidParameterValueError, ConflictError],
});

export const portUpdate = defineRpc({
  name: RPC_NAMES.portUpdate,
  kind: 'call',
  request: z.object({
    uuid: z.guid(),
    /** The node the port belongs to after the update; its lock is taken. */
    nodeUuid: z.guid(),
    /** Present only when the patch changed the portgroup; null takes the port out of any. */
    portgroupUuid: z.guid().nullable().optional(),
    /** Only the fields the patch changed. */
    changes: portWritableFields,
  }),
  response: portRef,
  errors: [PortNotFoundError, NodeNotFoundError, NodeLockedError, PortgroupNotFoundError, InvalidStateError, MACAlreadyExistsError, ConflictError],
});

export const portDestroy = defineRpc({
  name: RPC_NAMES.portDestroy,
  kind: 'call',
  request: portRef,
  response: z.object({}),
  errors: [PortNotFoundError, NodeNotFoundError, NodeLockedError, InvalidStateError],
});
