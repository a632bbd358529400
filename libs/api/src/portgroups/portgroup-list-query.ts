import type { PortgroupSortKey } from '@slipway/db';
import { single } from '../common/query-values';
import { expectMac, expectUuidOrName } from '../ports/arg-values';
import { CollectionQuery, parseCollectionQuery, RawQuery } from '../ports/collection-query';
import { PORTGROUP_FIELDS, PORTGROUP_LIST_FIELDS } from './portgroup.view';

/** `GET /v1/portgroups[/detail]` (or a node's portgroups) after Ironic's checks. */
export interface PortgroupListQuery {
  page: CollectionQuery<PortgroupSortKey>;
  /** UUID or name of the node whose portgroups are listed. */
  node?: string;
  /** The one portgroup with this MAC (ignored when a node is given, as in Ironic). */
  address?: string;
  echoed: Record<string, string | undefined>;
}

const SORT_COLUMNS: Record<string, PortgroupSortKey> = {
  id: 'id', uuid: 'uuid', name: 'name', address: 'address', node_id: 'nodeId', mode: 'mode', standalone_ports_supported: 'standalonePortsSupported',
  created_at: 'createdAt', updated_at: 'updatedAt',
};
const FILTERS = ['node', 'address'];

export function parsePortgroupListQuery(raw: RawQuery, minor: number, detailPath: boolean, parentNode?: string): PortgroupListQuery {
  const q = (name: string) => single(raw[name]);
  const page = parseCollectionQuery(raw, minor, detailPath, {
    table: PORTGROUP_FIELDS,
    defaultFields: PORTGROUP_LIST_FIELDS,
    sortColumns: SORT_COLUMNS,
    unsortable: ['extra', 'internal_info', 'properties'],
    filters: FILTERS,
  });
  const node = q('node') === undefined ? undefined : expectUuidOrName('node', q('node') as string);
  const address = q('address') === undefined ? undefined : expectMac('address', q('address'));
  return { page, node: parentNode ?? node, address, echoed: Object.fromEntries(FILTERS.map((name) => [name, q(name)])) };
}
