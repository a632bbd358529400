// Changing and deleting portgroups under the node lock, as Ironic's update_portgroup and
// destroy_portgroup (a portgroup is created by the api itself, as in Ironic).
import { z } from 'zod';
import {
  InvalidStateError, NodeLockedError, NodeNotFoundError, PortgroupDuplicateNameError, PortgroupMACAlreadyExistsError, PortgroupNotEmptyError,
  PortgroupNotFoundError,
} from '@slipway/errors';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';

const macAddress = z.string().regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/, 'a lower-case MAC address');
const jsonObject = z.record(z.string(), z.unknown());

/** The portgroup fields a PATCH may change, in Ironic's API names (the node travels apart). */
export const portgroupWritableFields = z
  .object({
    address: macAddress.nullable(),
    extra: jsonObject,
    mode: z.string().max(255).nullable(),
    name: z.string().max(255).nullable(),
    properties: jsonObject,
    standalone_ports_supported: z.boolean(),
  })
  .partial()
  .strict();

export type PortgroupWritableFields = z.infer<typeof portgroupWritableFields>;

const portgroupRef = z.object({ uuid: z.guid() });

export const portgroupUpdate = defineRpc({
  name: RPC_NAMES.portgroupUpdate,
  kind: 'call',
  request: z.object({
    uuid: z.guid(),
    /** The node the portgroup belongs to after the update; its lock is taken. */
    nodeUuid: z.guid(),
    /** Only the fields the patch changed. */
    changes: portgroupWritableFields,
  }),
  response: portgroupRef,
  errors: [PortgroupNotFoundError, NodeNotFoundError, NodeLockedError, InvalidStateError, PortgroupNotEmptyError, PortgroupDuplicateNameError, PortgroupMACAlreadyExistsError],
});

export const portgroupDestroy = defineRpc({
  name: RPC_NAMES.portgroupDestroy,
  kind: 'call',
  request: portgroupRef,
  response: z.object({}),
  errors: [PortgroupNotFoundError, NodeNotFoundError, NodeLockedError, PortgroupNotEmptyError],
});
