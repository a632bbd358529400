// The inspection ramdisk's data (`POST /v1/continue_inspection`), for a node the api found in
// `inspect wait`: the owning conductor checks the state again under the node lock, resumes the
// inspection and answers, then hands the data to the inspect interface and stores the inventory
// in the background (Ironic's continue_inspection).
import { z } from 'zod';
import { NodeLockedError, NodeNotFoundError, NoFreeConductorWorkerError, NotFoundError } from '@slipway/errors';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';

const jsonObject = z.record(z.string(), z.unknown());

export const nodeContinueInspection = defineRpc({
  name: RPC_NAMES.nodeContinueInspection,
  kind: 'call',
  request: z.object({
    uuid: z.guid(),
    inventory: jsonObject,
    /** Everything the ramdisk sent besides the inventory. */
    pluginData: jsonObject,
  }),
  response: z.object({}),
  /** NotFound (not InvalidState) for a node that no longer waits: callers learn nothing about other states. */
  errors: [NodeNotFoundError, NotFoundError, NodeLockedError, NoFreeConductorWorkerError],
});
