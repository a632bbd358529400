import type { DataSource } from 'typeorm';
import { VolumeConnectorAlreadyExistsError, VolumeConnectorTypeAndIdAlreadyExistsError } from '@slipway/errors';
import { VolumeConnectorEntity } from '../entities/volume-connector.entity';
import { KeysetPage } from './keyset-page';
import { NodeScopedRepository } from './node-scoped.repository';
import { violatedUniqueConstraint } from './unique-violation';

// The only place with SQL for volume connectors. The api creates and reads through it; the
// conductor updates and deletes under the node's lock.

export type VolumeConnectorSortKey = 'id' | 'uuid' | 'nodeId' | 'type' | 'connectorId' | 'createdAt' | 'updatedAt';

export type VolumeConnectorListPage = KeysetPage<VolumeConnectorEntity> & { sortKey: VolumeConnectorSortKey };

export class VolumeConnectorRepository extends NodeScopedRepository<VolumeConnectorEntity, VolumeConnectorSortKey> {
  constructor(dataSource: DataSource) {
    super(dataSource, VolumeConnectorEntity, 'connector');
  }

  /** A taken uuid or (type, connector_id). */
  protected conflictFor(error: unknown, connector: Partial<VolumeConnectorEntity>): Error | undefined {
    switch (violatedUniqueConstraint(error)) {
      case 'volume_connectors_uuid_key':
        return new VolumeConnectorAlreadyExistsError({ uuid: connector.uuid ?? '' });
      case 'volume_connectors_type_connector_id_key':
        return new VolumeConnectorTypeAndIdAlreadyExistsError({ type: connector.type ?? '', connectorId: connector.connectorId ?? '' });
      default:
        return undefined;
    }
  }
}
