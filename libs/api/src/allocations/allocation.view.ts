import type { AllocationEntity } from '@slipway/db';
import { ironicTimestamp } from '../common/ironic-time';
import { resourceLinks } from '../common/links';

/** Allocations appear at 1.52; their `owner` at 1.60. */
export const ALLOCATIONS_MIN_MINOR = 52;
export const ALLOCATION_OWNER_MIN_MINOR = 60;

/**
 * An allocation as Ironic shows it, every field in Ironic's order (`node_uuid` comes last, after
 * the links). `owner` is part of it before 1.60 too, for the fields check, and hidden at the end.
 */
export function allocationFullView(allocation: AllocationEntity, baseUrl: string): Record<string, unknown> {
  return {
    uuid: allocation.uuid,
    created_at: ironicTimestamp(allocation.createdAt),
    updated_at: ironicTimestamp(allocation.updatedAt),
    candidate_nodes: allocation.candidateNodes ?? [],
    extra: allocation.extra ?? {},
    last_error: allocation.lastError,
    name: allocation.name,
    owner: allocation.owner,
    resource_class: allocation.resourceClass,
    state: allocation.state,
    traits: allocation.traits ?? [],
    links: resourceLinks(baseUrl, `allocations/${allocation.uuid}`),
    node_uuid: allocation.node?.uuid ?? null,
  };
}

/** Hides what the requested version does not know. */
export function hideNewerFields(view: Record<string, unknown>, minor: number): Record<string, unknown> {
  if (minor < ALLOCATION_OWNER_MIN_MINOR) delete view.owner;
  return view;
}
