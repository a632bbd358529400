import type { VolumeConnectorEntity } from '@slipway/db';
import { ironicTimestamp } from '../common/ironic-time';
import { resourceLinks } from '../common/links';

/** A connector as Ironic shows it, fields in its order; `fields` keeps only those (and links). */
export function volumeConnectorView(connector: VolumeConnectorEntity, baseUrl: string, fields?: readonly string[]): Record<string, unknown> {
  const view: Record<string, unknown> = {
    uuid: connector.uuid,
    created_at: ironicTimestamp(connector.createdAt),
    updated_at: ironicTimestamp(connector.updatedAt),
    connector_id: connector.connectorId,
    extra: connector.extra,
    type: connector.type,
    links: resourceLinks(baseUrl, `volume/connectors/${connector.uuid}`),
    node_uuid: connector.node?.uuid ?? null,
  };
  return fields ? keepOnly(view, fields) : view;
}

export const VOLUME_CONNECTOR_FIELDS = ['uuid', 'created_at', 'updated_at', 'connector_id', 'extra', 'type', 'links', 'node_uuid'] as const;

/** The representation limited to `fields` plus links, in the representation's own order. */
export function keepOnly(view: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(view).filter(([name]) => name === 'links' || fields.includes(name)));
}
