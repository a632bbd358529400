import type { ConductorSortKey } from '@slipway/db';
import { InvalidParameterValueError, NotAcceptableError, NotFoundError } from '@slipway/errors';
import { parseLimit, parseSortDir, parseSortKey } from '../common/pagination';
import { parseBoolean, single } from '../common/query-values';
import { parseStringList } from './field-selection';
import { CONDUCTOR_LIST_FIELDS } from './conductor.view';

export type RawQuery = Record<string, string | string[] | undefined>;

/** Conductors are visible from 1.49; older requests find nothing there, as in Ironic. */
export const CONDUCTORS_MIN_MINOR = 49;

/** `GET /v1/conductors` after Ironic's checks. */
export interface ConductorListQuery {
  limit: number;
  /** Hostname of the last conductor of the previous page. */
  marker?: string;
  sortKey: ConductorSortKey;
  sortKeyName: string;
  sortDir: 'asc' | 'desc';
  /** `detail` as given (echoed in the next link). */
  detail?: boolean;
  /** The fields to show (echoed in the next link): the request's, the short list's, or undefined for all. */
  fields?: string[];
}

/** Sortable columns; `alive` and `drivers` are refused by name, as Ironic does. */
const SORT_COLUMNS: Record<string, ConductorSortKey> = {
  id: 'id', hostname: 'hostname', conductor_group: 'conductorGroup', online: 'online', version: 'version', created_at: 'createdAt', updated_at: 'updatedAt',
};
const UNSORTABLE = ['alive', 'drivers'];

/**
 * Node fields newer than 1.49. Ironic checks `fields` and `sort_key` of the conductors endpoints
 * against the node field versions too, so one of these at an older version answers 406.
 */
const NEWER_NODE_FIELDS: Record<string, number> = {
  owner: 50, description: 51, allocation_uuid: 52, events: 54, retired: 61, retired_reason: 61, lessee: 65, network_data: 66,
  boot_mode: 75, secure_boot: 75, shard: 82,
};

/** Hostnames are logical names: RFC 3986 unreserved characters, at most 255. */
const LOGICAL_NAME = /^[A-Za-z0-9\-._~]{1,255}$/;

export function checkLogicalName(argument: string, value: string | undefined): void {
  if (value !== undefined && !LOGICAL_NAME.test(value)) throw new InvalidParameterValueError(`Expected name for ${argument}: ${value}`);
}

/** 404 below 1.49, then the node-field version quirk for `fields` (and `sort_key`). */
export function checkConductorsVisible(minor: number, names: readonly string[] | undefined): void {
  if (minor < CONDUCTORS_MIN_MINOR) throw new NotFoundError();
  if (names?.some((name) => (NEWER_NODE_FIELDS[name] ?? 0) > minor)) throw new NotAcceptableError('Request not acceptable.');
}

/** Checks in Ironic's order: argument types, version, field versions, combinations, values. */
export function parseConductorListQuery(raw: RawQuery, minor: number): ConductorListQuery {
  const q = (name: string) => single(raw[name]);
  const marker = q('marker');
  checkLogicalName('marker', marker);
  const limitText = q('limit');
  if (limitText !== undefined && !/^\s*[-+]?\d+\s*$/.test(limitText)) throw new InvalidParameterValueError(`Expected an integer for limit: ${limitText}`);
  const requestedFields = parseStringList(q('fields'));
  const detail = parseBoolean('detail', q('detail'));
  const sortKeyText = q('sort_key');

  checkConductorsVisible(minor, requestedFields);
  checkConductorsVisible(minor, sortKeyText === undefined ? undefined : [sortKeyText]);
  if (requestedFields !== undefined && detail === true) throw new InvalidParameterValueError('Can not specify ?detail=True and fields in the same request.');

  const limit = parseLimit(limitText?.trim().replace(/^\+/, ''));
  const sortDir = parseSortDir(q('sort_dir'));
  const sort = parseSortKey(sortKeyText, SORT_COLUMNS, UNSORTABLE);
  return {
    limit,
    marker: marker || undefined,
    sortKey: sort.column,
    sortKeyName: sort.apiName,
    sortDir,
    detail,
    fields: requestedFields ?? (detail ? undefined : [...CONDUCTOR_LIST_FIELDS]),
  };
}
