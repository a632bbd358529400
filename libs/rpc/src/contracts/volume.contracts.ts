// Updating and deleting volume connectors and targets (Ironic's update/destroy_volume_connector
// and _target): the conductor that owns the node does it under the node lock, and only while the
// node is powered off. Creation needs no conductor; the api inserts directly, as Ironic does.
// UUIDs are checked loosely (any 8-4-4-4-12 hex), as Ironic accepts them, not only RFC 4122 ones.
import { z } from 'zod';
import {
  InvalidStateRequestedError, NodeLockedError, NodeNotFoundError, VolumeConnectorNotFoundError, VolumeConnectorTypeAndIdAlreadyExistsError,
  VolumeTargetBootIndexAlreadyExistsError, VolumeTargetNotFoundError,
} from '@slipway/errors';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';

const jsonObject = z.record(z.string(), z.unknown());

export const volumeConnectorUpdate = defineRpc({
  name: RPC_NAMES.volumeConnectorUpdate,
  kind: 'call',
  request: z.object({
    connectorUuid: z.guid(),
    /** The node the connector belongs to after the change (locked for it). */
    nodeUuid: z.guid(),
    changes: z.object({ type: z.string(), connectorId: z.string(), extra: jsonObject }).partial(),
  }),
  response: z.object({}),
  errors: [NodeNotFoundError, NodeLockedError, InvalidStateRequestedError, VolumeConnectorNotFoundError, VolumeConnectorTypeAndIdAlreadyExistsError],
});

export const volumeConnectorDestroy = defineRpc({
  name: RPC_NAMES.volumeConnectorDestroy,
  kind: 'call',
  request: z.object({ connectorUuid: z.guid(), nodeUuid: z.guid() }),
  response: z.object({}),
  errors: [NodeNotFoundError, NodeLockedError, InvalidStateRequestedError, VolumeConnectorNotFoundError],
});

export const volumeTargetUpdate = defineRpc({
  name: RPC_NAMES.volumeTargetUpdate,
  kind: 'call',
  request: z.object({
    targetUuid: z.guid(),
    /** The node the target belongs to after the change (locked for it). */
    nodeUuid: z.guid(),
    changes: z.object({ volumeType: z.string(), volumeId: z.string(), bootIndex: z.number().int(), properties: jsonObject, extra: jsonObject }).partial(),
  }),
  response: z.object({}),
  errors: [NodeNotFoundError, NodeLockedError, InvalidStateRequestedError, VolumeTargetNotFoundError, VolumeTargetBootIndexAlreadyExistsError],
});

export const volumeTargetDestroy = defineRpc({
  name: RPC_NAMES.volumeTargetDestroy,
  kind: 'call',
  request: z.object({ targetUuid: z.guid(), nodeUuid: z.guid() }),
  response: z.object({}),
  errors: [NodeNotFoundError, NodeLockedError, InvalidStateRequestedError, VolumeTargetNotFoundError],
});
