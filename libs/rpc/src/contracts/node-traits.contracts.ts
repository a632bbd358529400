// Node traits are written by the conductor that owns the node, under its lock (Ironic's
// add_node_traits and remove_node_traits); the api validates the names before it calls.
import { z } from 'zod';
import { InvalidParameterValueError, NodeLockedError, NodeNotFoundError, NodeTraitNotFoundError } from '@slipway/errors';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';

const traitName = z.string().min(1).max(255);

export const nodeAddTraits = defineRpc({
  name: RPC_NAMES.nodeAddTraits,
  kind: 'call',
  request: z.object({
    uuid: z.guid(),
    traits: z.array(traitName),
    /** True: the node's traits become exactly `traits`; false: they are added. */
    replace: z.boolean(),
  }),
  response: z.object({}),
  /** InvalidParameterValue when the node would have more traits than allowed. */
  errors: [NodeNotFoundError, NodeLockedError, InvalidParameterValueError],
});

export const nodeRemoveTraits = defineRpc({
  name: RPC_NAMES.nodeRemoveTraits,
  kind: 'call',
  request: z.object({
    uuid: z.guid(),
    /** Absent: remove every trait. */
    traits: z.array(traitName).optional(),
  }),
  response: z.object({}),
  errors: [NodeNotFoundError, NodeLockedError, NodeTraitNotFoundError],
});
