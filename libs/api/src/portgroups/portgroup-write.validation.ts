import { InvalidParameterValueError, NotAcceptableError } from '@slipway/errors';
import { expectBoolean, expectMac, expectUuid, isLogicalName } from '../ports/arg-values';
import { checkSchema, ObjectSchema } from '../ports/resource-schema';

// A portgroup body (POST) or a patched portgroup, checked as Ironic's PORTGROUP_VALIDATOR does.

export const PORTGROUP_SCHEMA: ObjectSchema = {
  properties: {
    address: { type: ['string', 'null'] },
    extra: { type: ['object', 'null'] },
    mode: { type: ['string', 'null'] },
    name: { type: ['string', 'null'] },
    node_uuid: { type: ['string'] },
    properties: { type: ['object', 'null'] },
    standalone_ports_supported: { type: ['string', 'boolean', 'null'] },
    uuid: { type: ['string', 'null'] },
  },
  required: ['node_uuid'],
};

/** Ironic's portgroup PATCH allow-list. */
export const PORTGROUP_PATCHABLE_FIELDS = ['address', 'extra', 'mode', 'name', 'node_uuid', 'properties', 'standalone_ports_supported'];

/** `name` is how the message calls the body: `portgroup` for a create, `patch` for a patched one. */
export function validatePortgroupBody(name: string, body: unknown): Record<string, unknown> {
  const portgroup = { ...checkSchema(name, body, PORTGROUP_SCHEMA) };
  const check: Record<string, (key: string, value: unknown) => unknown> = {
    address: expectMac,
    node_uuid: expectUuid,
    standalone_ports_supported: expectBoolean,
    uuid: expectUuid,
  };
  for (const [key, validate] of Object.entries(check)) {
    if (key in portgroup && portgroup[key] !== null) portgroup[key] = validate(key, portgroup[key]);
  }
  return portgroup;
}

/** mode and properties need 1.26 (Ironic tests them as Python does: empty values pass). */
export function refuseModeAndProperties(values: unknown[], minor: number): void {
  if (minor < 26 && values.some(isTruthy)) throw new NotAcceptableError('Request not acceptable.');
}

/** Names are logical names (hostname-safe before 1.10). */
export function checkPortgroupName(name: unknown, minor: number, message: (name: string) => string): void {
  if (typeof name === 'string' && name !== '' && !isLogicalName(name, minor)) throw new InvalidParameterValueError(message(name));
}

/** Python's truth: empty strings, dicts and lists are false. */
export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '' || value === 0) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
