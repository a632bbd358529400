import type { NodeListFilter, NodeSortKey } from '@slipway/db';
import { InvalidParameterValueError, NotAcceptableError } from '@slipway/errors';
import { isProvisionState } from '@slipway/provisioning';
import { parseFields } from '../common/fields';
import { parseBoolean, single } from '../common/query-values';
import { parseLimit, parseSortDir, parseSortKey } from '../common/pagination';
import { NODE_SELECTABLE_FIELDS } from './node-fields';
import { MINOR_PARENT_NODE } from './parent-node';

export type RawQuery = Record<string, string | string[] | undefined>;

/** The query of `GET /v1/nodes[/detail]` after Ironic's validation. */
export interface NodeListQuery {
  filter: NodeListFilter;
  /** `?conductor=`: computed through the hash ring after the query, as Ironic does. */
  conductor?: string;
  /** `?include_children=` and `?parent_node=` (a name or uuid); the service resolves the parent. */
  children: { include: boolean; parent?: string };
  sortKey: NodeSortKey;
  sortKeyName: string;
  sortDir: 'asc' | 'desc';
  limit: number;
  marker?: string;
  detail: boolean;
  fields?: string[];
}

/** Sortable API fields → columns. JSON blobs are refused by name (Ironic's list). */
const SORT_COLUMNS: Record<string, NodeSortKey> = {
  id: 'id', uuid: 'uuid', name: 'name', created_at: 'createdAt', updated_at: 'updatedAt', driver: 'driver', instance_uuid: 'instanceUuid',
  power_state: 'powerState', target_power_state: 'targetPowerState', provision_state: 'provisionState', target_provision_state: 'targetProvisionState',
  provision_updated_at: 'provisionUpdatedAt', maintenance: 'maintenance', reservation: 'reservation', resource_class: 'resourceClass',
  conductor_group: 'conductorGroup', owner: 'owner', lessee: 'lessee', description: 'description', fault: 'fault', retired: 'retired',
  protected: 'protected', shard: 'shard', boot_mode: 'bootMode', last_error: 'lastError', console_enabled: 'consoleEnabled',
  inspection_started_at: 'inspectionStartedAt', inspection_finished_at: 'inspectionFinishedAt', automated_clean: 'automatedClean',
};
const JSON_FIELDS = ['properties', 'driver_info', 'extra', 'instance_info', 'driver_internal_info', 'clean_step', 'deploy_step', 'raid_config', 'target_raid_config', 'traits', 'network_data', 'service_step'];

/** Query parameters with the version that introduced them (a newer one answers 406). */
const PARAM_MIN_MINOR: Record<string, number> = {
  provision_state: 9, driver: 16, resource_class: 21, fault: 42, conductor_group: 46, conductor: 49, owner: 50, description_contains: 51,
  retired: 61, lessee: 65, project: 65, shard: 82, sharded: 82, detail: 43, fields: 8,
};

export function parseNodeListQuery(raw: RawQuery, minor: number, detailPath: boolean): NodeListQuery {
  const q = (name: string) => single(raw[name]);
  for (const [name, minMinor] of Object.entries(PARAM_MIN_MINOR)) {
    if (q(name) !== undefined && minor < minMinor) throw new NotAcceptableError('Request not acceptable.');
  }
  if ((q('include_children') !== undefined || q('parent_node') !== undefined) && minor < MINOR_PARENT_NODE) {
    throw new NotAcceptableError(`Request not acceptable. The minimal required API version should be 1.${MINOR_PARENT_NODE}`);
  }
  const detailParam = parseBoolean('detail', q('detail'));
  if (detailPath && detailParam !== undefined) throw new InvalidParameterValueError('Can not specify ?detail=True twice.');
  const detail = detailPath || detailParam === true;
  const fields = parseFields(q('fields'), NODE_SELECTABLE_FIELDS, minor);
  if (fields && detail) throw new InvalidParameterValueError('Can not specify ?detail=True and fields in the same request.');
  const provisionState = q('provision_state');
  if (provisionState !== undefined && !isProvisionState(provisionState)) throw new InvalidParameterValueError(`Provision state "${provisionState}" is not valid`);
  const sort = parseSortKey(q('sort_key'), SORT_COLUMNS, JSON_FIELDS);
  const shard = q('shard');
  return {
    filter: {
      associated: parseBoolean('associated', q('associated')),
      maintenance: parseBoolean('maintenance', q('maintenance')),
      retired: parseBoolean('retired', q('retired')),
      sharded: parseBoolean('sharded', q('sharded')),
      fault: q('fault'),
      provisionState,
      driver: q('driver'),
      resourceClass: q('resource_class'),
      conductorGroup: q('conductor_group')?.toLowerCase(),
      owner: q('owner'),
      lessee: q('lessee'),
      project: q('project'),
      descriptionContains: q('description_contains'),
      instanceUuid: q('instance_uuid'),
      chassisUuid: q('chassis_uuid'),
      shards: shard ? shard.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    },
    conductor: q('conductor'),
    children: { include: parseBoolean('include_children', q('include_children')) ?? false, parent: q('parent_node') },
    sortKey: sort.column,
    sortKeyName: sort.apiName,
    sortDir: parseSortDir(q('sort_dir')),
    limit: parseLimit(q('limit')),
    marker: q('marker'),
    detail,
    fields,
  };
}
