import { InvalidParameterValueError, NotAcceptableError } from '@slipway/errors';
import { parseLimit, parseSortDir, parseSortKey } from '../common/pagination';
import { parseBoolean, single } from '../common/query-values';
import { expectUuid } from './arg-values';
import { refuseNewerFields, refuseUnknownFields, ResourceField } from './resource-fields';

// The common query of Ironic's port, portgroup and chassis lists: marker, limit, sort, fields and
// detail, checked in Ironic's order and with its messages. Each list adds its own filters.

export type RawQuery = Record<string, string | string[] | undefined>;

export interface CollectionSpec<C, K extends string> {
  table: readonly ResourceField<C>[];
  /** What a plain list shows (besides links). */
  defaultFields: readonly string[];
  /** Sortable API names → columns. */
  sortColumns: Readonly<Record<string, K>>;
  /** JSON blobs, refused by name with Ironic's unquoted message. */
  unsortable: readonly string[];
  /** The list's own filter parameters (checked by the caller). */
  filters: readonly string[];
}

export interface CollectionQuery<K extends string> {
  sortKey: K;
  sortKeyName: string;
  sortDir: 'asc' | 'desc';
  limit: number;
  marker?: string;
  /** The fields to show, or undefined for every field (detail). */
  fields?: string[];
  /** `?detail=` as given (it goes back into the `next` link). */
  detailParam?: boolean;
}

const COMMON = ['marker', 'limit', 'sort_key', 'sort_dir'];

export function parseCollectionQuery<C, K extends string>(raw: RawQuery, minor: number, detailPath: boolean, spec: CollectionSpec<C, K>): CollectionQuery<K> {
  const q = (name: string) => single(raw[name]);
  const accepted = [...COMMON, ...(detailPath ? [] : ['fields', 'detail']), ...spec.filters];
  const unexpected = Object.keys(raw).filter((name) => !accepted.includes(name));
  if (unexpected.length) throw new InvalidParameterValueError(`Unexpected arguments: ${unexpected.join(', ')}`);

  const marker = q('marker') === undefined ? undefined : expectUuid('marker', q('marker'));
  const limit = parseLimit(q('limit'));
  const requested = parseFieldList(q('fields'));
  if (requested && minor < 8) throw new NotAcceptableError('Request not acceptable.');
  if (requested) refuseNewerFields(spec.table, requested, minor);
  const sortKeyName = q('sort_key') ?? 'id';
  refuseNewerFields(spec.table, [sortKeyName], minor);

  const detailParam = parseBoolean('detail', q('detail'));
  if (detailParam !== undefined && minor < 43) throw new InvalidParameterValueError(`Invalid query parameter ?detail=${detailParam ? 'True' : 'False'} received.`);
  if (requested && detailParam) throw new InvalidParameterValueError('Can not specify ?detail=True and fields in the same request.');
  if (requested) refuseUnknownFields(spec.table, requested);
  const fields = detailPath || (detailParam && !requested) ? undefined : (requested ?? [...spec.defaultFields]);

  const sortDir = parseSortDir(q('sort_dir'));
  const sort = parseSortKey(sortKeyName, spec.sortColumns, spec.unsortable);
  return { sortKey: sort.column, sortKeyName, sortDir, limit, marker, fields, detailParam };
}

/** Ironic's string_list: comma separated, trimmed, lower-cased, without repeats. */
export function parseFieldList(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const names: string[] = [];
  for (const part of raw.split(',')) {
    const name = part.trim().toLowerCase();
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The `next` link of a full page, with Ironic's arguments in its order (sort, detail, fields) and
 * then the list's filters, which Ironic leaves out (so its next page would not be filtered).
 */
export function collectionNextLink(baseUrl: string, resource: string, query: CollectionQuery<string>, filters: Record<string, string | undefined>, marker: string): string {
  const args: Array<[string, string]> = [
    ['sort_key', query.sortKeyName],
    ['sort_dir', query.sortDir],
  ];
  if (query.detailParam !== undefined) args.push(['detail', query.detailParam ? 'True' : 'False']);
  if (query.fields) args.push(['fields', query.fields.join(',')]);
  for (const [name, value] of Object.entries(filters)) if (value !== undefined) args.push([name, value]);
  const text = args.map(([name, value]) => `${name}=${encodeURIComponent(value).replace(/%2C/g, ',').replace(/%3A/g, ':')}&`).join('');
  return `${baseUrl}/v1/${resource}?${text}limit=${query.limit}&marker=${marker}`;
}

/** `?fields=` of a single resource: 406 before 1.8 or for a newer field, 400 for an unknown one. */
export function parseShowFields<C>(raw: string | undefined, minor: number, table: readonly ResourceField<C>[]): string[] | undefined {
  const requested = parseFieldList(raw);
  if (!requested) return undefined;
  if (minor < 8) throw new NotAcceptableError('Request not acceptable.');
  refuseNewerFields(table, requested, minor);
  refuseUnknownFields(table, requested);
  return requested;
}
