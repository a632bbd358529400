// Ironic validates request bodies with JSON Schema and shows the first error of python-jsonschema
// ("Schema error for <name>: <message>"). These build the same messages for the hand-written
// checks of the newer resources (allocations, deploy templates).

/** A value as Python's repr() prints the JSON it was decoded from. */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return stringRepr(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value).map(([key, item]) => `${stringRepr(key)}: ${pythonRepr(item)}`).join(', ')}}`;
  return String(value);
}

function stringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(/[\\\n\r\t]|[\u0000-\u001f\u007f]/g, (c) => {
    const named: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  return `${quote}${quote === "'" ? escaped.replace(/'/g, "\\'") : escaped}${quote}`;
}

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
