import { InvalidParameterValueError } from '@slipway/errors';
import { canonicalUuid, isUuid } from '../common/identifiers';
import { parseBoolean } from '../common/query-values';
import { pythonRepr } from '../common/python-repr';

// Argument checks of Ironic's `args` module as the port, portgroup and chassis endpoints use
// them, with its messages ("Expected UUID for node_uuid: x").

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
const DATAPATH_ID = /^[0-9a-f]{16}$/;
/** RFC 3986 unreserved characters, at most 255 (logical names from 1.10). */
const LOGICAL_NAME = /^[A-Za-z0-9\-._~]{1,255}$/;
/** The hostname rule names followed before 1.10. */
const HOSTNAME_SAFE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9\-_]{0,62}[a-z0-9])*\.?$/;

/** How Python's `%s` prints a value inside a message. */
export function pythonStr(value: unknown): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}

export function isMacAddress(value: unknown): value is string {
  return typeof value === 'string' && MAC.test(value.toLowerCase());
}

/** A MAC address in Ironic's normal form (lower case). */
export function expectMac(name: string, value: unknown): string {
  if (!isMacAddress(value)) throw new InvalidParameterValueError(`Expected valid MAC address for ${name}: ${pythonStr(value)}`);
  return value.toLowerCase();
}

export function isDatapathId(value: unknown): value is string {
  return typeof value === 'string' && DATAPATH_ID.test(value.toLowerCase());
}

export function expectUuid(name: string, value: unknown): string {
  if (typeof value !== 'string' || !isUuid(value)) throw new InvalidParameterValueError(`Expected UUID for ${name}: ${pythonStr(value)}`);
  return canonicalUuid(value);
}

export function isLogicalName(value: string, minor = Number.MAX_SAFE_INTEGER): boolean {
  return value.length <= 255 && (minor >= 10 ? LOGICAL_NAME.test(value) : HOSTNAME_SAFE.test(value));
}

/** A `{portgroup}`-style identifier: a UUID or a logical name, returned as given. */
export function expectUuidOrName(name: string, value: string): string {
  if (!isUuid(value) && !isLogicalName(value)) throw new InvalidParameterValueError(`Expected UUID or name for ${name}: ${value}`);
  return value;
}

/** oslo's strict boolean: a JSON boolean, or one of its words. */
export function expectBoolean(name: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return parseBoolean(name, pythonStr(value)) as boolean;
}
