import type { ApiBodyOptions } from '@nestjs/swagger';
import { DEPLOY_STEP_INTERFACES } from './deploy-template-body.validation';

type SchemaObject = NonNullable<Extract<ApiBodyOptions, { schema?: unknown }>['schema']>;

/** `POST /v1/deploy_templates`, as Ironic's template schema describes it. */
export const deployTemplateCreateBodySchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'steps'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 255, description: 'A standard or CUSTOM_ trait' },
    steps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['interface', 'step', 'args', 'priority'],
        properties: {
          interface: { type: 'string', enum: [...DEPLOY_STEP_INTERFACES] },
          step: { type: 'string', minLength: 1 },
          args: { type: 'object' },
          priority: { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: '^[0-9]+$' }] },
        },
      },
    },
    extra: { type: 'object', nullable: true },
    uuid: { type: 'string', format: 'uuid', nullable: true },
  },
} as SchemaObject;
