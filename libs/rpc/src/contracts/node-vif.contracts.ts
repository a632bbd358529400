// VIFs of a node (Ironic's vif_list, vif_attach, vif_detach): the owning conductor runs the node's
// network interface, listing under a shared task and attaching or detaching under the node lock.
import { z } from 'zod';
import {
  InvalidParameterValueError, NodeLockedError, NodeNotFoundError, NoFreePhysicalPortsError, PortgroupNotFoundError, PortNotFoundError,
  UnsupportedDriverExtensionError, VifAlreadyAttachedError, VifInvalidForAttachError, VifNotAttachedError,
} from '@slipway/errors';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';

export const nodeVifList = defineRpc({
  name: RPC_NAMES.nodeVifList,
  kind: 'call',
  request: z.object({ uuid: z.guid() }),
  response: z.object({ vifs: z.array(z.object({ id: z.string() })) }),
  errors: [NodeNotFoundError, InvalidParameterValueError, UnsupportedDriverExtensionError],
});

export const nodeVifAttach = defineRpc({
  name: RPC_NAMES.nodeVifAttach,
  kind: 'call',
  request: z.object({
    uuid: z.guid(),
    vif: z.object({
      id: z.string().min(1),
      /** Bind to this port (API 1.67). */
      portUuid: z.guid().optional(),
      /** Bind to this port group (API 1.67). */
      portgroupUuid: z.guid().optional(),
    }),
  }),
  response: z.object({}),
  errors: [
    NodeNotFoundError, NodeLockedError, InvalidParameterValueError, UnsupportedDriverExtensionError, VifAlreadyAttachedError, VifInvalidForAttachError,
    NoFreePhysicalPortsError, PortNotFoundError, PortgroupNotFoundError,
  ],
});

export const nodeVifDetach = defineRpc({
  name: RPC_NAMES.nodeVifDetach,
  kind: 'call',
  request: z.object({ uuid: z.guid(), vifId: z.string().min(1) }),
  response: z.object({}),
  errors: [NodeNotFoundError, NodeLockedError, InvalidParameterValueError, UnsupportedDriverExtensionError, VifNotAttachedError],
});
