import type { ApiBodyOptions } from '@nestjs/swagger';
import { CONNECTOR_TYPES } from './volume-write.validation';

// Request bodies of the volume, VIF, heartbeat and inspection-callback endpoints for the OpenAPI
// document, as the checks in volume-write.validation, heartbeat-args and inspection-data apply them.

type SchemaObject = NonNullable<Extract<ApiBodyOptions, { schema?: unknown }>['schema']>;

const nullable = (type: string, extra: Record<string, unknown> = {}): SchemaObject => ({ type, nullable: true, ...extra }) as SchemaObject;

/** `POST /v1/volume/connectors`. */
export const volumeConnectorBodySchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['connector_id', 'node_uuid', 'type'],
  properties: {
    connector_id: { type: 'string', maxLength: 255, description: 'The initiator identifier of this type, e.g. an IQN' },
    extra: nullable('object'),
    node_uuid: { type: 'string', format: 'uuid' },
    type: { type: 'string', enum: [...CONNECTOR_TYPES] },
    uuid: nullable('string', { format: 'uuid' }),
  },
};

/** `POST /v1/volume/targets`. */
export const volumeTargetBodySchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['boot_index', 'node_uuid', 'volume_id', 'volume_type'],
  properties: {
    boot_index: { type: 'integer', description: 'Unique per node; 0 is the boot volume' },
    extra: nullable('object'),
    node_uuid: { type: 'string', format: 'uuid' },
    properties: nullable('object', { description: 'Connection details for the storage interface' }),
    volume_id: { type: 'string', maxLength: 36 },
    volume_type: { type: 'string', maxLength: 64, description: 'e.g. iscsi, fibre_channel' },
    uuid: nullable('string', { format: 'uuid' }),
  },
};

/** `POST /v1/nodes/{node}/vifs`. */
export const vifAttachBodySchema: SchemaObject = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string', description: 'The VIF (e.g. a Neutron port) UUID or name' },
    port_uuid: { type: 'string', format: 'uuid', description: 'API >= 1.67: bind to this port' },
    portgroup_uuid: { type: 'string', format: 'uuid', description: 'API >= 1.67: bind to this port group' },
  },
};

/** `POST /v1/heartbeat/{node}`. */
export const heartbeatBodySchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['callback_url'],
  properties: {
    callback_url: { type: 'string', description: "The agent's URL" },
    agent_token: { type: 'string', description: 'The token handed out by lookup (required)' },
    agent_version: { type: 'string', description: 'API >= 1.36 (required by the conductor)' },
    agent_verify_ca: { type: 'string', description: 'API >= 1.68' },
    agent_status: { type: 'string', enum: ['start', 'end', 'error'], description: 'API >= 1.72' },
    agent_status_message: { type: 'string', description: 'API >= 1.72' },
  },
};

/** `POST /v1/continue_inspection`: Ironic's minimal inventory; every other key is plugin data. */
export const continueInspectionBodySchema: SchemaObject = {
  type: 'object',
  required: ['inventory'],
  properties: {
    inventory: {
      type: 'object',
      required: ['interfaces'],
      properties: {
        interfaces: { type: 'array', minItems: 1, items: { type: 'object', required: ['mac_address'], properties: { mac_address: { type: 'string' } } } },
        bmc_address: nullable('string'),
        bmc_v6address: nullable('string'),
      },
    },
  },
};
