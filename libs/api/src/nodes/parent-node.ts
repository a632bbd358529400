import type { NodeEntity } from '@slipway/db';
import { InvalidError, NotFoundError } from '@slipway/errors';

/** parent_node (and the list filters include_children and parent_node) came with 1.83. */
export const MINOR_PARENT_NODE = 83;

/** Ironic's answer, whatever was wrong with the parent: callers learn nothing about other nodes. */
const INVALID_PARENT = 'Unable to apply the requested parent_node. Requested value was invalid.';

/**
 * A node body (create) or the changed fields (patch) with `parent_node` given as the parent's
 * name or uuid turned into the parent's uuid, which is what is stored and shown. A parent that
 * cannot be found is a 400. Older versions are left to the version check (406).
 */
export async function withParentUuid<T>(fields: T, minor: number, find: (ident: string) => Promise<NodeEntity>): Promise<T> {
  if (minor < MINOR_PARENT_NODE || !fields || typeof fields !== 'object') return fields;
  const ident = (fields as Record<string, unknown>).parent_node;
  if (typeof ident !== 'string') return fields;
  try {
    return { ...fields, parent_node: (await find(ident)).uuid };
  } catch (error) {
    throw error instanceof NotFoundError || error instanceof InvalidError ? new InvalidError(INVALID_PARENT) : error;
  }
}
