import type { VolumeTargetEntity } from '@slipway/db';
import { ironicTimestamp } from '../common/ironic-time';
import { resourceLinks } from '../common/links';
import { maskSecrets } from '../common/secrets';
import { keepOnly } from './volume-connector.view';

/** A target as Ironic shows it (secrets in `properties` masked); `fields` keeps only those. */
export function volumeTargetView(target: VolumeTargetEntity, baseUrl: string, fields?: readonly string[]): Record<string, unknown> {
  const view: Record<string, unknown> = {
    uuid: target.uuid,
    created_at: ironicTimestamp(target.createdAt),
    updated_at: ironicTimestamp(target.updatedAt),
    boot_index: target.bootIndex,
    extra: target.extra,
    properties: maskSecrets(target.properties),
    volume_id: target.volumeId,
    volume_type: target.volumeType,
    links: resourceLinks(baseUrl, `volume/targets/${target.uuid}`),
    node_uuid: target.node?.uuid ?? null,
  };
  return fields ? keepOnly(view, fields) : view;
}

export const VOLUME_TARGET_FIELDS = ['uuid', 'created_at', 'updated_at', 'boot_index', 'extra', 'properties', 'volume_id', 'volume_type', 'links', 'node_uuid'] as const;
