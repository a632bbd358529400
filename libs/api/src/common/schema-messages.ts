// Ironic validates request bodies with JSON Schema and shows the first error of python-jsonschema
// ("Schema error for <name>: <message>"). These build the same messages for the hand-written
// checks of the newer resources (allocations, deploy templates).
import { pythonRepr } from './python-repr';

export { pythonRepr };

/** The JSON Schema type of a decoded JSON value (`integer` for whole numbers, as jsonschema counts them). */
export function jsonType(value: unknown): 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object' {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string') return 'string';
  return Array.isArray(value) ? 'array' : 'object';
}

export const isJsonObject = (value: unknown): value is Record<string, unknown> => jsonType(value) === 'object';

export const typeMessage = (value: unknown, types: readonly string[]): string => `${pythonRepr(value)} is not of type ${types.map((t) => `'${t}'`).join(', ')}`;

export const requiredMessage = (key: string): string => `${pythonRepr(key)} is a required property`;

export function additionalPropertiesMessage(keys: readonly string[]): string {
  return `Additional properties are not allowed (${keys.map(pythonRepr).join(', ')} ${keys.length === 1 ? 'was' : 'were'} unexpected)`;
}

/**
 * Collects the errors of one document and picks the one jsonschema's best_match would show: the
 * least deep, and among equally deep ones the first found.
 */
export class SchemaIssues {
  private best?: { depth: number; message: string };

  add(depth: number, message: string): void {
    if (this.best === undefined || depth < this.best.depth) this.best = { depth, message };
  }

  get first(): string | undefined {
    return this.best?.message;
  }
}
