import type { ApiBodyOptions } from '@nestjs/swagger';

type SchemaObject = NonNullable<Extract<ApiBodyOptions, { schema?: unknown }>['schema']>;
import { z } from 'zod';
import { nodeWritableFields } from '@slipway/rpc';

// Request bodies in the OpenAPI document come from the same zod schemas that validate them.

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<string, unknown>;
  return rest as SchemaObject;
};

export const nodeCreateBodySchema: SchemaObject = jsonSchema(nodeWritableFields.required({ driver: true }));

export const patchBodySchema: SchemaObject = jsonSchema(
  z.array(z.object({ op: z.enum(['add', 'replace', 'remove']), path: z.string().describe('JSON Pointer, e.g. /extra/rack'), value: z.unknown().optional() })),
);
