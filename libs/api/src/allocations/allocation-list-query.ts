import type { AllocationSortKey } from '@slipway/db';
import { NotAcceptableError } from '@slipway/errors';
import { parseLimit, parseSortDir, parseSortKey } from '../common/pagination';
import { single } from '../common/query-values';
import { parseStringList } from '../common/string-list-fields';
import { Ident, parseUuidArgument, parseUuidOrName } from './allocation-idents';
import { ALLOCATION_OWNER_MIN_MINOR } from './allocation.view';

export type RawQuery = Record<string, string | string[] | undefined>;

/** `GET /v1/allocations` after Ironic's checks. */
export interface AllocationListQuery {
  node?: Ident;
  /** The node filter as given (Ironic names it so in errors). */
  nodeText?: string;
  resourceClass?: string;
  state?: string;
  owner?: string;
  marker?: string;
  limit: number;
  sortKey: AllocationSortKey;
  sortKeyName: string;
  sortDir: 'asc' | 'desc';
  fields?: string[];
}

/** Sortable columns by API name; the JSON ones are refused by name, as Ironic does. */
const SORT_COLUMNS: Record<string, AllocationSortKey> = {
  id: 'id', uuid: 'uuid', name: 'name', node_id: 'nodeId', state: 'state', owner: 'owner', last_error: 'lastError',
  resource_class: 'resourceClass', conductor_affinity: 'conductorAffinity', created_at: 'createdAt', updated_at: 'updatedAt',
};
const UNSORTABLE = ['extra', 'candidate_nodes', 'traits'];

/** Checks in Ironic's order: argument types, versions of fields and filters, then paging values. */
export function parseAllocationListQuery(raw: RawQuery, minor: number): AllocationListQuery {
  const q = (name: string) => single(raw[name]);
  const nodeText = q('node');
  const node = nodeText === undefined ? undefined : parseUuidOrName('node', nodeText);
  const markerText = q('marker');
  const marker = markerText === undefined ? undefined : parseUuidArgument('marker', markerText);
  const fields = parseStringList(q('fields'));
  const owner = q('owner');

  if (minor < ALLOCATION_OWNER_MIN_MINOR && (fields?.includes('owner') || owner !== undefined)) throw new NotAcceptableError('Request not acceptable.');

  const limit = parseLimit(q('limit'));
  const sortDir = parseSortDir(q('sort_dir'));
  const sort = parseSortKey(q('sort_key'), SORT_COLUMNS, UNSORTABLE);
  return {
    node, nodeText, resourceClass: q('resource_class'), state: q('state'), owner, marker, limit,
    sortKey: sort.column, sortKeyName: sort.apiName, sortDir, fields,
  };
}
