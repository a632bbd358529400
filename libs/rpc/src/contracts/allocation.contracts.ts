// Allocations are processed by a conductor (any live one: an allocation has no node yet), as
// Ironic's create_allocation and destroy_allocation. The api validates and resolves names first.
import { z } from 'zod';
import {
  AllocationAlreadyExistsError, AllocationDuplicateNameError, AllocationNotFoundError, InstanceAssociatedError, InvalidParameterValueError,
  InvalidStateError, NodeAssociatedError, NodeLockedError, NodeNotFoundError, NoFreeConductorWorkerError,
} from '@slipway/errors';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';

// Clients choose allocation uuids and Ironic accepts any 8-4-4-4-12 hex form, so the loose check.
const uuid = z.guid();

/** A new allocation after the api's checks: candidate nodes are node UUIDs by then. */
export const newAllocationSchema = z.object({
  uuid,
  name: z.string().nullable(),
  resourceClass: z.string().max(80).nullable(),
  traits: z.array(z.string().min(1).max(255)),
  candidateNodes: z.array(uuid),
  extra: z.record(z.string(), z.unknown()),
  owner: z.string().nullable(),
});

export const allocationCreate = defineRpc({
  name: RPC_NAMES.allocationCreate,
  kind: 'call',
  request: z.object({
    allocation: newAllocationSchema,
    /**
     * API >= 1.58: the node (UUID) an existing deployment runs on; the allocation is recorded for
     * it at once instead of searching.
     */
    backfillNode: uuid.optional(),
  }),
  /** `state` is `allocating` (the search goes on in the background), or `active` after a backfill. */
  response: z.object({ uuid, state: z.string() }),
  /** InvalidParameterValue: a backfill the node does not fit (the allocation is kept, in `error`). */
  errors: [
    AllocationAlreadyExistsError, AllocationDuplicateNameError, NodeAssociatedError, InstanceAssociatedError, NodeNotFoundError, NodeLockedError,
    InvalidParameterValueError, NoFreeConductorWorkerError,
  ],
});

export const allocationDestroy = defineRpc({
  name: RPC_NAMES.allocationDestroy,
  kind: 'call',
  request: z.object({ uuid }),
  response: z.object({}),
  /** InvalidState: the node holding it is active or busy (and not in maintenance). */
  errors: [AllocationNotFoundError, InvalidStateError, NodeLockedError],
});
