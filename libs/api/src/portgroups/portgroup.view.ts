import type { PortgroupEntity } from '@slipway/db';
import { ironicTimestamp } from '../common/ironic-time';
import { resourceLinks } from '../common/links';
import { field, renderResource, ResourceField } from '../ports/resource-fields';

export interface PortgroupViewContext {
  /** With its node joined (the view shows its uuid). */
  portgroup: PortgroupEntity;
  baseUrl: string;
}

type PortgroupField = ResourceField<PortgroupViewContext>;
const column = (name: string, key: keyof PortgroupEntity, refusedBelow = 1): PortgroupField => field(name, (c) => c.portgroup[key] ?? null, 1, refusedBelow);

/**
 * A portgroup's fields in Ironic 2023.1's order. mode and properties came with 1.26: Ironic
 * refuses to be asked for them earlier but shows them anyway, and so do we.
 */
export const PORTGROUP_FIELDS: readonly PortgroupField[] = [
  column('uuid', 'uuid'),
  field('created_at', (c) => ironicTimestamp(c.portgroup.createdAt)),
  field('updated_at', (c) => ironicTimestamp(c.portgroup.updatedAt)),
  column('address', 'address'),
  column('extra', 'extra'),
  column('internal_info', 'internalInfo'),
  column('mode', 'mode', 26),
  column('name', 'name'),
  column('properties', 'properties', 26),
  column('standalone_ports_supported', 'standalonePortsSupported'),
  field('node_uuid', (c) => c.portgroup.node?.uuid ?? null),
  field('links', (c) => resourceLinks(c.baseUrl, `portgroups/${c.portgroup.uuid}`)),
  field('ports', (c) => resourceLinks(c.baseUrl, `portgroups/${c.portgroup.uuid}/ports`)),
];

export const PORTGROUP_LIST_FIELDS = ['uuid', 'address', 'name'] as const;

export function portgroupView(context: PortgroupViewContext, minor: number, fields?: readonly string[]): Record<string, unknown> {
  return renderResource(PORTGROUP_FIELDS, context, minor, fields);
}
