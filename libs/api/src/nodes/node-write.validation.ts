import type { z } from 'zod';
import { InvalidParameterValueError, NotAcceptableError } from '@slipway/errors';
import { nodeWritableFields, NodeWritableFields } from '@slipway/rpc';
import { canonicalUuid, isUuid, isValidName } from '../common/identifiers';
import { parseBoolean } from '../common/query-values';
import { NODE_FIELDS } from './node-fields';

// Checks of a node body (POST) or of the fields a PATCH changes, with Ironic's messages.

const MIN_MINOR = new Map(NODE_FIELDS.map((field) => [field.name, field.minMinor]));

/**
 * Ironic's node PATCH allow-list at 1.87. Like Ironic's, it does not depend on the request's
 * version: a field newer than the version is refused with 406 (checkPatchVersions).
 */
export const NODE_PATCHABLE_FIELDS = [
  'automated_clean', 'bios_interface', 'boot_interface', 'chassis_uuid', 'conductor_group', 'console_interface', 'deploy_interface', 'description',
  'driver', 'driver_info', 'extra', 'firmware_interface', 'inspect_interface', 'instance_info', 'instance_uuid', 'lessee', 'maintenance',
  'management_interface', 'name', 'network_data', 'network_interface', 'owner', 'parent_node', 'power_interface', 'properties', 'protected',
  'protected_reason', 'raid_interface', 'rescue_interface', 'resource_class', 'retired', 'retired_reason', 'shard', 'storage_interface', 'vendor_interface',
] as const;

/** A patch that touches a field newer than the request's version is 406, before anything applies (Ironic). */
export function checkPatchVersions(operations: ReadonlyArray<{ path: string }>, minor: number): void {
  for (const { path } of operations) {
    const minMinor = MIN_MINOR.get(path.split('/')[1]);
    if (minMinor !== undefined && minMinor > minor) throw new NotAcceptableError('Request not acceptable.');
  }
}

/** The fields of a create body, checked: types, version, name and uuid rules. */
export function validateNodeCreate(body: unknown, minor: number): NodeWritableFields {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new InvalidParameterValueError('Schema error for node: the body must be a JSON object');
  const fields = body as Record<string, unknown>;
  if (typeof fields.name === 'string' && !isValidName(fields.name)) throw new InvalidParameterValueError(`Cannot create node with invalid name '${fields.name}'`);
  if (fields.uuid !== undefined && fields.uuid !== null && (typeof fields.uuid !== 'string' || !isUuid(fields.uuid))) {
    throw new InvalidParameterValueError(`Expected UUID for uuid: ${String(fields.uuid)}`);
  }
  const parsed = parseFields(fields, minor);
  if (!parsed.driver) throw new InvalidParameterValueError("Schema error for node: 'driver' is a required property");
  if (parsed.uuid) parsed.uuid = canonicalUuid(parsed.uuid);
  return parsed;
}

/** The fields a patch changed, checked the same way. */
export function validateNodeChanges(changes: Record<string, unknown>, minor: number): NodeWritableFields {
  if (typeof changes.name === 'string' && !isValidName(changes.name)) throw new InvalidParameterValueError(`Node name cannot be a UUID or contain reserved characters: ${changes.name}`);
  return parseFields(changes, minor);
}

const BOOLEAN_FIELDS = ['maintenance', 'protected', 'retired', 'automated_clean'];

function parseFields(input: Record<string, unknown>, minor: number): NodeWritableFields {
  // Ironic accepts boolean strings ("true", "yes", ...) for its boolean fields.
  const fields = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, BOOLEAN_FIELDS.includes(k) && typeof v === 'string' ? parseBoolean(k, v) : v]));
  for (const name of Object.keys(fields)) {
    const minMinor = MIN_MINOR.get(name);
    if (minMinor !== undefined && minMinor > minor) throw new NotAcceptableError('Request not acceptable.');
  }
  // Ironic accepts null for the JSON dicts and stores {}.
  const normalised = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === null && isDictField(k) ? {} : v]));
  const result = nodeWritableFields.safeParse(normalised);
  if (!result.success) throw new InvalidParameterValueError(`Schema error for node: ${describeIssue(result.error.issues[0])}`);
  return result.data as NodeWritableFields;
}

function isDictField(name: string): boolean {
  return ['driver_info', 'extra', 'instance_info', 'properties', 'network_data'].includes(name);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') return `Additional properties are not allowed (${issue.keys.map((k) => `'${k}'`).join(', ')} was unexpected)`;
  if (issue.code === 'invalid_type') return `'${field}' must be ${issue.expected === 'record' ? 'an object' : `of type ${issue.expected}`}`;
  return `'${field}': ${issue.message}`;
}
