/**
 * Declarative mapping from Redfish JSON to typed properties: a resource lists its fields once
 * (JSON path, adapter, default) and gets read-only properties for them, instead of a hand-written
 * getter per property. Adapters are tolerant: a value of the wrong type reads as absent, because
 * BMCs send `null`, `""` or a string where the schema says number, and one odd property must not
 * make a whole resource unreadable.
 */

/** A JSON object as the BMC sent it. */
export type Json = Readonly<Record<string, unknown>>;

/** Reads one typed value from a JSON object. */
export interface Field<T> {
  read(json: Json): T;
}

/** A set of named fields. */
export type FieldMap = Readonly<Record<string, Field<unknown>>>;

/** The values a field map reads. */
export type FieldValues<F extends FieldMap> = { readonly [K in keyof F]: F[K] extends Field<infer T> ? T : never };

/** Where a field is: one key, or keys into nested objects (`['MemorySummary', 'TotalSystemMemoryGiB']`). */
export type FieldPath = string | readonly string[];

/** Turns a raw JSON value into T, or undefined when it is not one. */
export type Adapter<T> = (raw: unknown) => T | undefined;

/** The value at `path`, or undefined when any step is missing or not an object. */
export function valueAt(json: unknown, path: FieldPath): unknown {
  let value = json;
  for (const key of typeof path === 'string' ? [path] : path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A field read through `adapter`, with `fallback` when absent (or undefined without one). */
export function field<T>(path: FieldPath, adapter: Adapter<T>): Field<T | undefined>;
export function field<T>(path: FieldPath, adapter: Adapter<T>, fallback: T): Field<T>;
export function field<T>(path: FieldPath, adapter: Adapter<T>, fallback?: T): Field<T | undefined> {
  return { read: (json) => adapter(valueAt(json, path)) ?? fallback };
}

export const asString: Adapter<string> = (raw) => (typeof raw === 'string' ? raw : undefined);
export const asNumber: Adapter<number> = (raw) => (typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined);
export const asBoolean: Adapter<boolean> = (raw) => (typeof raw === 'boolean' ? raw : undefined);
export const asStrings: Adapter<string[]> = (raw) => (Array.isArray(raw) ? raw.filter((item): item is string => typeof item === 'string') : undefined);
/** `{"@odata.id": "/redfish/v1/..."}` → the path, exactly as given (HPE's lower case included). */
export const asLink: Adapter<string> = (raw) => asString(valueAt(raw, '@odata.id'));
/** A list of links → their paths, in order, without duplicates (Intel lists one drive 32 times). */
export const asLinks: Adapter<string[]> = (raw) => (Array.isArray(raw) ? [...new Set(raw.flatMap((item) => asLink(item) ?? []))] : undefined);

export const str = (path: FieldPath) => field(path, asString);
export const num = (path: FieldPath) => field(path, asNumber);
export const bool = (path: FieldPath) => field(path, asBoolean);
/** A list of strings; absent reads as undefined, so "no allowable values given" stays visible. */
export const strings = (path: FieldPath) => field(path, asStrings);
export const link = (path: FieldPath) => field(path, asLink);
export const links = (path: FieldPath) => field(path, asLinks, []);
/** The raw JSON value, for properties whose shape is the caller's business (BIOS Attributes). */
export const raw = (path: FieldPath) => field(path, (value) => value);

/** Reads a whole field map from one JSON object. */
export function readFields<F extends FieldMap>(fields: F, json: Json): FieldValues<F> {
  return Object.fromEntries(Object.entries(fields).map(([name, item]) => [name, item.read(json)])) as FieldValues<F>;
}

/** A nested object read with its own fields; absent reads as all fields absent (sushy's CompositeField). */
export function group<F extends FieldMap>(path: FieldPath, fields: F): Field<FieldValues<F>> {
  return { read: (json) => readFields(fields, asObject(valueAt(json, path)) ?? {}) };
}

/** A list of nested objects, each read with `fields`; absent reads as []. */
export function list<F extends FieldMap>(path: FieldPath, fields: F): Field<Array<FieldValues<F>>> {
  return {
    read: (json) => {
      const items = valueAt(json, path);
      return Array.isArray(items) ? items.flatMap((item) => (asObject(item) ? [readFields(fields, asObject(item) as Json)] : [])) : [];
    },
  };
}

/** A field whose value is derived from another's (a fallback path, a computed default). */
export function derived<T>(read: (json: Json) => T): Field<T> {
  return { read };
}

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}
