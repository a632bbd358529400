import { InvalidParameterValueError } from '@slipway/errors';
import { canonicalUuid, isUuid } from '../common/identifiers';
import { parseLimit, parseSortDir, parseSortKey } from '../common/pagination';
import { parseBoolean, single } from '../common/query-values';
import { expectUuid, expectUuidOrName } from '../ports/arg-values';
import { parseFieldList, RawQuery } from '../ports/collection-query';

// The query of Ironic's volume connector and target lists: node, marker, limit, sort_key,
// sort_dir, fields and detail, checked in Ironic's order and with its messages.

export interface VolumeListSpec<K extends string> {
  /** Every field of the representation (what `fields=` may name). */
  fieldNames: readonly string[];
  /** What a plain list shows (besides links). */
  defaultFields: readonly string[];
  sortColumns: Readonly<Record<string, K>>;
  /** JSON blobs, refused by name with Ironic's unquoted message. */
  unsortable: readonly string[];
}

export interface VolumeListQuery<K extends string> {
  /** `?node=` as given (a UUID or name). */
  node?: string;
  marker?: string;
  limit: number;
  sortKey: K;
  sortKeyName: string;
  sortDir: 'asc' | 'desc';
  /** The fields to show; undefined with `detail=true`. */
  fields?: string[];
  detail: boolean;
}

const ACCEPTED = ['node', 'marker', 'limit', 'sort_key', 'sort_dir', 'fields', 'detail'];

export function parseVolumeListQuery<K extends string>(raw: RawQuery, spec: VolumeListSpec<K>): VolumeListQuery<K> {
  const q = (name: string) => single(raw[name]);
  const unexpected = Object.keys(raw).filter((name) => !ACCEPTED.includes(name));
  if (unexpected.length) throw new InvalidParameterValueError(`Unexpected arguments: ${unexpected.join(', ')}`);
  const node = q('node') === undefined ? undefined : expectUuidOrName('node', q('node') as string);
  const marker = q('marker') === undefined ? undefined : expectUuid('marker', q('marker'));
  const requested = parseFieldList(q('fields'));
  const detail = parseBoolean('detail', q('detail')) ?? false;
  if (requested?.length && detail) throw new InvalidParameterValueError("Can't fetch a subset of fields with 'detail' set");
  const limit = parseLimit(q('limit'));
  const sortDir = parseSortDir(q('sort_dir'));
  const sort = parseSortKey(q('sort_key'), spec.sortColumns, spec.unsortable);
  const fields = requested?.length ? requested : detail ? undefined : [...spec.defaultFields];
  if (fields) refuseUnknownFields(fields, spec.fieldNames);
  return { node: node && isUuid(node) ? canonicalUuid(node) : node, marker, limit, sortKey: sort.column, sortKeyName: sort.apiName, sortDir, fields, detail };
}

/** `?fields=` of a single connector or target. */
export function parseShowFields(raw: string | undefined, fieldNames: readonly string[]): string[] | undefined {
  const requested = parseFieldList(raw);
  if (requested?.length) refuseUnknownFields(requested, fieldNames);
  return requested?.length ? requested : undefined;
}

/** Only `allowed` query parameters; Ironic names the others. */
export function refuseUnexpected(raw: RawQuery, allowed: readonly string[]): void {
  const unexpected = Object.keys(raw).filter((name) => !allowed.includes(name));
  if (unexpected.length) throw new InvalidParameterValueError(`Unexpected arguments: ${unexpected.join(', ')}`);
}

function refuseUnknownFields(names: readonly string[], known: readonly string[]): void {
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length) throw new InvalidParameterValueError(`Field(s) "${unknown.join(', ')}" are not valid`);
}

/**
 * The `next` link of a full page, arguments in Ironic's order (sort, detail or fields), then the
 * node filter, which Ironic drops (so its next page would list every node's volumes).
 */
export function volumeNextLink(baseUrl: string, resource: string, query: VolumeListQuery<string>, marker: string): string {
  const args: Array<[string, string]> = [
    ['sort_key', query.sortKeyName],
    ['sort_dir', query.sortDir],
  ];
  if (query.detail) args.push(['detail', 'True']);
  if (query.fields) args.push(['fields', query.fields.join(',')]);
  if (query.node !== undefined) args.push(['node', query.node]);
  const text = args.map(([name, value]) => `${name}=${encodeURIComponent(value).replace(/%2C/g, ',')}&`).join('');
  return `${baseUrl}/v1/${resource}?${text}limit=${query.limit}&marker=${marker}`;
}
