import { InvalidParameterValueError } from '@slipway/errors';
import { isUuid } from '../common/identifiers';
import { checkPatchPaths, PatchOperation } from '../common/json-patch';
import { expectUuid } from '../ports/arg-values';
import { pythonRepr } from '../common/python-repr';
import { checkSchema, ObjectSchema } from '../ports/resource-schema';

// Bodies of volume connector and target writes, checked with Ironic's schemas and messages. Two
// checks are ours: the connector type must be one Ironic's storage interfaces know (Ironic stores
// any string), and lengths and integers must fit the columns (Ironic answers 500 otherwise).

export const CONNECTOR_TYPES = ['iqn', 'ip', 'mac', 'wwnn', 'wwpn', 'port', 'portgroup'] as const;

const CONNECTOR_SCHEMA: ObjectSchema = {
  properties: {
    connector_id: { type: ['string'], maxLength: 255 },
    extra: { type: ['object', 'null'] },
    node_uuid: { type: ['string'] },
    type: { type: ['string'] },
    uuid: { type: ['string', 'null'] },
  },
  required: ['connector_id', 'node_uuid', 'type'],
};

const TARGET_SCHEMA: ObjectSchema = {
  properties: {
    boot_index: { type: ['integer'] },
    extra: { type: ['object', 'null'] },
    node_uuid: { type: ['string'] },
    properties: { type: ['object', 'null'] },
    volume_id: { type: ['string'], maxLength: 36 },
    volume_type: { type: ['string'], maxLength: 64 },
    uuid: { type: ['string', 'null'] },
  },
  required: ['boot_index', 'node_uuid', 'volume_id', 'volume_type'],
};

export const CONNECTOR_PATCHABLE_FIELDS = ['connector_id', 'extra', 'node_uuid', 'type'] as const;
export const TARGET_PATCHABLE_FIELDS = ['boot_index', 'extra', 'node_uuid', 'properties', 'volume_id', 'volume_type'] as const;

export interface ConnectorFields {
  uuid?: string;
  nodeUuid: string;
  type: string;
  connectorId: string;
  extra: Record<string, unknown>;
}

export interface TargetFields {
  uuid?: string;
  nodeUuid: string;
  bootIndex: number;
  volumeId: string;
  volumeType: string;
  properties: Record<string, unknown>;
  extra: Record<string, unknown>;
}

/** A connector body (POST, or the patched connector) as checked fields; `name` prefixes schema errors. */
export function validateConnector(body: unknown, name = 'connector'): ConnectorFields {
  const value = checkSchema(name, body, CONNECTOR_SCHEMA);
  const type = value.type as string;
  if (!(CONNECTOR_TYPES as readonly string[]).includes(type)) {
    throw new InvalidParameterValueError(`Schema error for ${name}: ${pythonRepr(type)} is not one of ${pythonRepr([...CONNECTOR_TYPES])}`);
  }
  return {
    ...identifiers(value),
    type,
    connectorId: value.connector_id as string,
    extra: (value.extra as Record<string, unknown> | null | undefined) ?? {},
  };
}

/** A target body (POST, or the patched target) as checked fields; `name` prefixes schema errors. */
export function validateTarget(body: unknown, name = 'target'): TargetFields {
  const value = checkSchema(name, body, TARGET_SCHEMA);
  const bootIndex = value.boot_index as number;
  if (bootIndex > 2 ** 31 - 1) throw new InvalidParameterValueError(`Schema error for ${name}: ${bootIndex} is greater than the maximum of ${2 ** 31 - 1}`);
  if (bootIndex < -(2 ** 31)) throw new InvalidParameterValueError(`Schema error for ${name}: ${bootIndex} is less than the minimum of ${-(2 ** 31)}`);
  return {
    ...identifiers(value),
    bootIndex,
    volumeId: value.volume_id as string,
    volumeType: value.volume_type as string,
    properties: (value.properties as Record<string, unknown> | null | undefined) ?? {},
    extra: (value.extra as Record<string, unknown> | null | undefined) ?? {},
  };
}

/** Patch paths limited to what may change; node_uuid values must look like UUIDs (Ironic's InvalidUUID). */
export function checkVolumePatch(operations: PatchOperation[], patchable: readonly string[]): void {
  checkPatchPaths(operations, patchable);
  for (const operation of operations) {
    if (operation.path === '/node_uuid' && operation.op !== 'remove' && !(typeof operation.value === 'string' && isUuid(operation.value))) {
      throw new InvalidParameterValueError(`Expected a UUID for node_uuid, but received ${typeof operation.value === 'string' ? operation.value : pythonRepr(operation.value)}.`);
    }
  }
}

/** The patched document without the keys the schema does not know (Ironic drops them before validating). */
export function schemaKeysOf(document: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).filter(([key]) => keys.includes(key)));
}

function identifiers(value: Record<string, unknown>): { uuid?: string; nodeUuid: string } {
  const nodeUuid = expectUuid('node_uuid', value.node_uuid);
  const uuid = value.uuid === undefined || value.uuid === null ? undefined : expectUuid('uuid', value.uuid);
  return uuid === undefined ? { nodeUuid } : { uuid, nodeUuid };
}
