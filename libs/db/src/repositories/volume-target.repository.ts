import type { DataSource } from 'typeorm';
import { VolumeTargetAlreadyExistsError, VolumeTargetBootIndexAlreadyExistsError } from '@slipway/errors';
import { VolumeTargetEntity } from '../entities/volume-target.entity';
import { KeysetPage } from './keyset-page';
import { NodeScopedRepository } from './node-scoped.repository';
import { violatedUniqueConstraint } from './unique-violation';

// The only place with SQL for volume targets. The api creates and reads through it; the conductor
// updates and deletes under the node's lock.

export type VolumeTargetSortKey = 'id' | 'uuid' | 'nodeId' | 'volumeType' | 'volumeId' | 'bootIndex' | 'createdAt' | 'updatedAt';

export type VolumeTargetListPage = KeysetPage<VolumeTargetEntity> & { sortKey: VolumeTargetSortKey };

export class VolumeTargetRepository extends NodeScopedRepository<VolumeTargetEntity, VolumeTargetSortKey> {
  constructor(dataSource: DataSource) {
    super(dataSource, VolumeTargetEntity, 'target');
  }

  /** A taken uuid or (node, boot_index). */
  protected conflictFor(error: unknown, target: Partial<VolumeTargetEntity>): Error | undefined {
    switch (violatedUniqueConstraint(error)) {
      case 'volume_targets_uuid_key':
        return new VolumeTargetAlreadyExistsError({ uuid: target.uuid ?? '' });
      case 'volume_targets_node_id_boot_index_key':
        return new VolumeTargetBootIndexAlreadyExistsError({ bootIndex: target.bootIndex ?? '' });
      default:
        return undefined;
    }
  }
}
