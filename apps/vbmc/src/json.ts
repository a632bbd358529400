/** JSON as it comes from a mockup file or a request body. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `@odata.id` of a `{"@odata.id": ...}` link, or undefined. */
export function odataId(value: unknown): string | undefined {
  const id = isObject(value) ? value['@odata.id'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** The targets of a link array such as `Links.Chassis`. */
export function linkTargets(value: unknown): string[] {
  return Array.isArray(value) ? value.map(odataId).filter((id): id is string => id !== undefined) : [];
}

/** Strings of an array property such as `...@Redfish.AllowableValues`, or undefined when absent. */
export function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}
