import { InvalidParameterValueError } from '@slipway/errors';
import { pythonRepr } from '../common/python-repr';

// The flat JSON schemas Ironic checks port, portgroup and chassis bodies with, and the first
// problem reported in jsonschema's words: "Schema error for port: 5 is not of type 'string'".

export type JsonType = 'string' | 'object' | 'boolean' | 'null' | 'array' | 'integer';

export interface PropertySchema {
  type: readonly JsonType[];
  maxLength?: number;
}

export interface ObjectSchema {
  properties: Readonly<Record<string, PropertySchema>>;
  required?: readonly string[];
}

/** Returns the body as an object, or throws InvalidParameterValue naming the first problem. */
export function checkSchema(name: string, value: unknown, schema: ObjectSchema): Record<string, unknown> {
  const fail = (message: string): never => {
    throw new InvalidParameterValueError(`Schema error for ${name}: ${message}`);
  };
  if (!isType(value, 'object')) return fail(notOfType(value, ['object']));
  const body = value as Record<string, unknown>;
  // Problems of the object itself come before those of a property, as jsonschema ranks them.
  for (const key of schema.required ?? []) if (!(key in body)) fail(`'${key}' is a required property`);
  const extras = Object.keys(body).filter((key) => !(key in schema.properties));
  if (extras.length) fail(`Additional properties are not allowed (${extras.map(pythonRepr).join(', ')} ${extras.length === 1 ? 'was' : 'were'} unexpected)`);
  for (const [key, property] of Object.entries(schema.properties)) {
    if (!(key in body)) continue;
    const item = body[key];
    if (!property.type.some((type) => isType(item, type))) fail(notOfType(item, property.type));
    if (property.maxLength !== undefined && typeof item === 'string' && item.length > property.maxLength) fail(`${pythonRepr(item)} is too long`);
  }
  return body;
}

export function isType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

export function notOfType(value: unknown, types: readonly JsonType[]): string {
  return `${pythonRepr(value)} is not of type ${types.map((type) => `'${type}'`).join(', ')}`;
}
