import type { PortSortKey } from '@slipway/db';
import { NotAcceptableError, OperationNotPermittedError } from '@slipway/errors';
import { isUuid } from '../common/identifiers';
import { single } from '../common/query-values';
import { expectMac, expectUuid, expectUuidOrName } from './arg-values';
import { CollectionQuery, parseCollectionQuery, parseFieldList, RawQuery } from './collection-query';
import { PORT_FIELDS, PORT_LIST_FIELDS } from './port.view';

/** `GET /v1/ports[/detail]` (or a node's or portgroup's ports) after Ironic's checks. */
export interface PortListQuery {
  page: CollectionQuery<PortSortKey>;
  /** UUID or name of the node whose ports are listed. */
  node?: string;
  /** UUID or name of the portgroup whose ports are listed. */
  portgroup?: string;
  /** The one port with this MAC (Ironic ignores it when a node or portgroup is given). */
  address?: string;
  shards?: string[];
  /** The filters as given, for the `next` link. */
  echoed: Record<string, string | undefined>;
}

/** The parent of `/v1/nodes/{node}/ports` and `/v1/portgroups/{portgroup}/ports`. */
export interface PortParent {
  node?: string;
  portgroup?: string;
}

const SORT_COLUMNS: Record<string, PortSortKey> = {
  id: 'id', uuid: 'uuid', address: 'address', node_id: 'nodeId', portgroup_id: 'portgroupId', pxe_enabled: 'pxeEnabled',
  physical_network: 'physicalNetwork', is_smartnic: 'isSmartnic', created_at: 'createdAt', updated_at: 'updatedAt',
};
const FILTERS = ['node', 'node_uuid', 'address', 'portgroup', 'shard'];

export function parsePortListQuery(raw: RawQuery, minor: number, detailPath: boolean, parent: PortParent = {}): PortListQuery {
  const q = (name: string) => single(raw[name]);
  const page = parseCollectionQuery(raw, minor, detailPath, {
    table: PORT_FIELDS,
    defaultFields: PORT_LIST_FIELDS,
    sortColumns: SORT_COLUMNS,
    unsortable: ['extra', 'internal_info', 'local_link_connection'],
    filters: FILTERS,
  });
  const nodeParam = q('node') === undefined ? undefined : expectUuidOrName('node', q('node') as string);
  const nodeUuid = q('node_uuid') === undefined ? undefined : expectUuid('node_uuid', q('node_uuid'));
  const address = q('address') === undefined ? undefined : expectMac('address', q('address'));
  const portgroupParam = q('portgroup') === undefined ? undefined : expectUuidOrName('portgroup', q('portgroup') as string);
  const shards = parseFieldList(q('shard'));

  if (portgroupParam !== undefined && minor < 24) throw new NotAcceptableError('Request not acceptable.');
  if (shards !== undefined && minor < 82) throw new NotAcceptableError('Request not acceptable. The minimal required API version should be 1.82');
  if (!nodeUuid && nodeParam !== undefined && minor < 5 && !isUuid(nodeParam)) throw new NotAcceptableError('Request not acceptable.');

  const node = parent.node ?? nodeUuid ?? nodeParam;
  const portgroup = parent.portgroup ?? portgroupParam;
  // Ironic lets one of node, portgroup and shard narrow a list, not two.
  if ([node, portgroup, shards?.length ? shards : undefined].filter((value) => value !== undefined).length > 1) throw new OperationNotPermittedError();
  return {
    page,
    node,
    portgroup,
    address,
    shards: shards?.length ? shards : undefined,
    echoed: Object.fromEntries(FILTERS.map((name) => [name, q(name)])),
  };
}
