// `PUT /v1/nodes/{node}/states/raid`: the target RAID configuration, checked by the node's RAID
// interface and stored under the node lock (Ironic's set_target_raid_config). Applied later by
// clean or deploy steps.
import { z } from 'zod';
import { InvalidParameterValueError, NodeLockedError, NodeNotFoundError, UnsupportedDriverExtensionError } from '@slipway/errors';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';

export const nodeSetTargetRaidConfig = defineRpc({
  name: RPC_NAMES.nodeSetTargetRaidConfig,
  kind: 'call',
  request: z.object({ uuid: z.guid(), targetRaidConfig: z.record(z.string(), z.unknown()) }),
  response: z.object({}),
  errors: [NodeNotFoundError, NodeLockedError, InvalidParameterValueError, UnsupportedDriverExtensionError],
});
