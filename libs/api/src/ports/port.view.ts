import type { PortEntity } from '@slipway/db';
import { ironicTimestamp } from '../common/ironic-time';
import { resourceLinks } from '../common/links';
import { field, renderResource, ResourceField } from './resource-fields';

export interface PortViewContext {
  /** With its node and portgroup joined (the view shows their uuids). */
  port: PortEntity;
  baseUrl: string;
}

type PortField = ResourceField<PortViewContext>;
const column = (name: string, key: keyof PortEntity, minMinor = 1, refusedBelow = minMinor): PortField => field(name, (c) => c.port[key] ?? null, minMinor, refusedBelow);

/**
 * A port's fields in the order Ironic 2023.1 writes them, with the version that shows each.
 * internal_info is hidden before 1.18 but naming it there is not refused, as in Ironic; `name`
 * (1.88) is beyond the versions we serve.
 */
export const PORT_FIELDS: readonly PortField[] = [
  column('uuid', 'uuid'),
  field('created_at', (c) => ironicTimestamp(c.port.createdAt)),
  field('updated_at', (c) => ironicTimestamp(c.port.updatedAt)),
  column('address', 'address'),
  column('extra', 'extra'),
  column('internal_info', 'internalInfo', 18, 1),
  column('is_smartnic', 'isSmartnic', 53),
  column('local_link_connection', 'localLinkConnection', 19),
  column('physical_network', 'physicalNetwork', 34),
  column('pxe_enabled', 'pxeEnabled', 19),
  field('node_uuid', (c) => c.port.node?.uuid ?? null),
  field('links', (c) => resourceLinks(c.baseUrl, `ports/${c.port.uuid}`)),
  field('portgroup_uuid', (c) => c.port.portgroup?.uuid ?? null, 24),
];

/** Fields of a plain list. */
export const PORT_LIST_FIELDS = ['uuid', 'address'] as const;

export function portView(context: PortViewContext, minor: number, fields?: readonly string[]): Record<string, unknown> {
  return renderResource(PORT_FIELDS, context, minor, fields);
}
