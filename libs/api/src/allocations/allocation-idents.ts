import { InvalidParameterValueError, InvalidUuidOrNameError } from '@slipway/errors';
import { canonicalUuid, isUuid } from '../common/identifiers';

// Identifier checks of the allocation endpoints, with the argument names Ironic's messages use.

/**
 * Ironic's logical names (RFC 3986 unreserved characters, at most 255). Unlike node names, an
 * allocation name may look like a UUID: Ironic does not refuse it (it is then found by uuid only).
 */
const LOGICAL_NAME = /^[A-Za-z0-9\-._~]{1,255}$/;

export function isLogicalName(value: string): boolean {
  return LOGICAL_NAME.test(value);
}

export type Ident = { uuid: string } | { name: string };

/** `uuid_or_name` arguments: "Expected UUID or name for <argument>: <value>" when neither. */
export function parseUuidOrName(argument: string, value: string): Ident {
  if (isUuid(value)) return { uuid: canonicalUuid(value) };
  if (isLogicalName(value)) return { name: value };
  throw new InvalidParameterValueError(`Expected UUID or name for ${argument}: ${value}`);
}

/** Ironic's get_rpc_node/allocation lookups of a free string: InvalidUuidOrName when neither. */
export function parseLookupIdent(value: string): Ident {
  if (isUuid(value)) return { uuid: canonicalUuid(value) };
  if (isLogicalName(value)) return { name: value };
  throw new InvalidUuidOrNameError({ name: value });
}

/** `uuid` arguments: "Expected UUID for <argument>: <value>". */
export function parseUuidArgument(argument: string, value: string): string {
  if (!isUuid(value)) throw new InvalidParameterValueError(`Expected UUID for ${argument}: ${value}`);
  return canonicalUuid(value);
}
