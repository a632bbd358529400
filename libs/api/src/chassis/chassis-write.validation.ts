import { InvalidParameterValueError } from '@slipway/errors';
import type { PatchOperation } from '../common/json-patch';
import { expectUuid } from '../ports/arg-values';
import { checkSchema, ObjectSchema } from '../ports/resource-schema';

// A chassis body (POST) or a patched chassis, checked as Ironic's CHASSIS_VALIDATOR does.

export const CHASSIS_SCHEMA: ObjectSchema = {
  properties: {
    uuid: { type: ['string', 'null'] },
    extra: { type: ['object', 'null'] },
    description: { type: ['string', 'null'], maxLength: 255 },
  },
};

/** `name` is how the message calls the body: `chassis` for a create, `patch` for a patched one. */
export function validateChassisBody(name: string, body: unknown): Record<string, unknown> {
  const chassis = { ...checkSchema(name, body, CHASSIS_SCHEMA) };
  if (chassis.uuid !== undefined && chassis.uuid !== null) chassis.uuid = expectUuid('uuid', chassis.uuid);
  return chassis;
}

/** Ironic lists the patchable chassis fields in its schema's order, not sorted. */
export function checkChassisPatchPaths(operations: PatchOperation[]): void {
  const allowed = Object.keys(CHASSIS_SCHEMA.properties);
  for (const { path } of operations) {
    if (!allowed.includes(path.split('/')[1])) throw new InvalidParameterValueError(`Cannot patch ${path}. Only the following can be updated: ${allowed.join(', ')}`);
  }
}
