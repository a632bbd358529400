import type { ApiBodyOptions } from '@nestjs/swagger';

type SchemaObject = NonNullable<Extract<ApiBodyOptions, { schema?: unknown }>['schema']>;

const nullable = (type: string, extra: Record<string, unknown> = {}): SchemaObject => ({ type, nullable: true, ...extra }) as SchemaObject;

/** `POST /v1/allocations`, as Ironic's allocation schema describes it. */
export const allocationCreateBodySchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  properties: {
    resource_class: nullable('string', { maxLength: 80, description: 'Required unless backfilling a node' }),
    traits: nullable('array', { items: { type: 'string', description: 'A standard or CUSTOM_ trait' } }),
    candidate_nodes: nullable('array', { items: { type: 'string', description: 'Node UUID or name' } }),
    name: nullable('string'),
    uuid: nullable('string', { format: 'uuid' }),
    extra: nullable('object'),
    node: nullable('string', { description: 'API >= 1.58: backfill the allocation of this deployed node' }),
    owner: nullable('string', { description: 'API >= 1.60' }),
  },
};
