import { InvalidParameterValueError } from '@slipway/errors';

export const MAX_LIMIT = 1000;

/** `limit`: default and cap 1000 (`[api]max_limit`); zero, negative or not a number → 400. */
export function parseLimit(raw: string | undefined, maxLimit = MAX_LIMIT): number {
  if (raw === undefined || raw === '') return maxLimit;
  if (!/^-?\d+$/.test(raw.trim())) throw new InvalidParameterValueError(`Expected an integer for limit: ${raw}`);
  const limit = Number(raw);
  if (limit <= 0) throw new InvalidParameterValueError('Limit must be positive');
  return Math.min(limit, maxLimit);
}

export function parseSortDir(raw: string | undefined): 'asc' | 'desc' {
  if (raw === undefined) return 'asc';
  if (raw !== 'asc' && raw !== 'desc') throw new InvalidParameterValueError(`Invalid sort direction: ${raw}. Acceptable values are 'asc' or 'desc'`);
  return raw;
}

/**
 * `sort_key`: an API field that maps to a column, defaulting to `id`. JSON blob fields are
 * refused with Ironic's own message, unknown ones with its quoted variant.
 */
export function parseSortKey<K extends string>(raw: string | undefined, columns: Readonly<Record<string, K>>, jsonFields: readonly string[]): { apiName: string; column: K } {
  const apiName = raw ?? 'id';
  if (jsonFields.includes(apiName)) throw new InvalidParameterValueError(`The sort_key value ${apiName} is an invalid field for sorting`);
  const column = columns[apiName];
  if (!column) throw new InvalidParameterValueError(`The sort_key value "${apiName}" is an invalid field for sorting`);
  return { apiName, column };
}

/**
 * The `next` link of a full page: the request's own query with `limit` and `marker` replaced,
 * and the sort made explicit, as Ironic writes it.
 */
export function nextLink(baseUrl: string, resourcePath: string, query: Record<string, string | undefined>, limit: number, marker: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && key !== 'limit' && key !== 'marker') params.set(key, value);
  }
  params.set('limit', String(limit));
  params.set('marker', marker);
  return `${baseUrl}/v1/${resourcePath}?${params.toString().replace(/%2C/g, ',')}`;
}
