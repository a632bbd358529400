import { isObject, JsonObject } from './json';
import { RedfishErrors } from './redfish-error';

/** A request body as an object; no body counts as `{}` (sushy posts some actions without one). */
export function bodyObject(body: unknown): JsonObject {
  if (body === undefined || body === null || body === '') return {};
  if (!isObject(body)) throw RedfishErrors.malformedJson();
  return body;
}

/**
 * Refuses properties a PATCH may not set: read-only ones the resource has (PropertyNotWritable)
 * and ones it does not have (PropertyUnknown), as real BMCs do. OData annotations are ignored.
 */
export function rejectUnwritable(patch: JsonObject, writable: readonly string[], current: JsonObject): void {
  for (const name of Object.keys(patch)) {
    if (writable.includes(name) || name.startsWith('@odata.')) continue;
    throw name in current ? RedfishErrors.propertyNotWritable(name) : RedfishErrors.propertyUnknown(name);
  }
}

/** Refuses action parameters the action does not take. */
export function rejectUnknownParameters(body: JsonObject, known: readonly string[], action: string): void {
  const unknown = Object.keys(body).find((name) => !known.includes(name) && !name.startsWith('@'));
  if (unknown !== undefined) throw RedfishErrors.actionParameterUnknown(action, unknown);
}

/** `value` when it is one of `allowed`, else a PropertyValueNotInList error. */
export function oneOf(value: unknown, allowed: readonly string[], name: string): string {
  if (typeof value !== 'string') throw RedfishErrors.propertyValueTypeError(value, name);
  if (!allowed.includes(value)) throw RedfishErrors.propertyValueNotInList(value, name);
  return value;
}

export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
