import type { DeployTemplateSortKey } from '@slipway/db';
import { InvalidParameterValueError, NotAcceptableError } from '@slipway/errors';
import { parseLimit, parseSortDir, parseSortKey } from '../common/pagination';
import { parseBoolean, single } from '../common/query-values';
import { parseStringList } from '../common/string-list-fields';
import { DEPLOY_TEMPLATE_LIST_FIELDS } from './deploy-template.view';

export type RawQuery = Record<string, string | string[] | undefined>;

/** `GET /v1/deploy_templates` after Ironic's checks. */
export interface DeployTemplateListQuery {
  marker?: string;
  limit: number;
  sortKey: DeployTemplateSortKey;
  sortKeyName: string;
  sortDir: 'asc' | 'desc';
  /** `detail` as given (echoed in the next link). */
  detail?: boolean;
  /** The fields to show: the request's, the short list's, or undefined for all. */
  fields?: string[];
}

const SORT_COLUMNS: Record<string, DeployTemplateSortKey> = { id: 'id', uuid: 'uuid', name: 'name', created_at: 'createdAt', updated_at: 'updatedAt' };
const UNSORTABLE = ['extra', 'steps'];

/**
 * Node fields newer than 1.55, with their versions. Ironic checks `fields` and `sort_key` of this
 * endpoint against the node field versions (a quirk kept: clients may meet the 406).
 */
const NEWER_NODE_FIELDS: Record<string, number> = {
  retired: 61, retired_reason: 61, lessee: 65, network_data: 66, boot_mode: 75, secure_boot: 75, shard: 82,
};

/** Ironic's logical names (marker is validated as one). */
const LOGICAL_NAME = /^[A-Za-z0-9\-._~]{1,255}$/;

export function checkNodeFieldVersions(names: readonly string[] | undefined, minor: number): void {
  if (names?.some((name) => (NEWER_NODE_FIELDS[name] ?? 0) > minor)) throw new NotAcceptableError('Request not acceptable.');
}

export function parseDeployTemplateListQuery(raw: RawQuery, minor: number): DeployTemplateListQuery {
  const q = (name: string) => single(raw[name]);
  const marker = q('marker');
  if (marker !== undefined && !LOGICAL_NAME.test(marker)) throw new InvalidParameterValueError(`Expected name for marker: ${marker}`);
  const limitText = q('limit');
  const requested = parseStringList(q('fields'));
  const detail = parseBoolean('detail', q('detail'));
  const sortKeyText = q('sort_key');

  checkNodeFieldVersions(requested, minor);
  checkNodeFieldVersions(sortKeyText === undefined ? undefined : [sortKeyText], minor);
  if (requested !== undefined && detail === true) throw new InvalidParameterValueError('Can not specify ?detail=True and fields in the same request.');
  const limit = parseLimit(limitText);
  const sortDir = parseSortDir(q('sort_dir'));
  const sort = parseSortKey(sortKeyText, SORT_COLUMNS, UNSORTABLE);
  return {
    marker: marker || undefined,
    limit,
    sortKey: sort.column,
    sortKeyName: sort.apiName,
    sortDir,
    detail,
    fields: requested ?? (detail ? undefined : [...DEPLOY_TEMPLATE_LIST_FIELDS]),
  };
}
