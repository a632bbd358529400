import { DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { VolumeTargetAlreadyExistsError, VolumeTargetBootIndexAlreadyExistsError } from '@slipway/errors';
import { VolumeTargetEntity } from '../entities/volume-target.entity';
import { applyKeysetPage, KeysetPage } from './keyset-page';
import { violatedUniqueConstraint } from './unique-violation';

// The only place with SQL for volume targets. The api creates and reads through it; the conductor
// updates and deletes under the node's lock.

export type VolumeTargetSortKey = 'id' | 'uuid' | 'nodeId' | 'volumeType' | 'volumeId' | 'bootIndex' | 'createdAt' | 'updatedAt';

export type VolumeTargetListPage = KeysetPage<VolumeTargetEntity> & { sortKey: VolumeTargetSortKey };

export class VolumeTargetRepository {
  private readonly targets: Repository<VolumeTargetEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.targets = dataSource.getRepository(VolumeTargetEntity);
  }

  /** The target with the uuid of its node (a target shows that, not the id). */
  findByUuid(uuid: string): Promise<VolumeTargetEntity | null> {
    return this.select().where('target.uuid = :uuid', { uuid }).getOne();
  }

  /** A page of targets (of one node when `nodeId` is given) in (sort key, id) order. */
  list(filter: { nodeId?: number }, page: VolumeTargetListPage): Promise<VolumeTargetEntity[]> {
    const query = this.select();
    if (filter.nodeId !== undefined) query.andWhere('target.nodeId = :nodeId', { nodeId: filter.nodeId });
    return applyKeysetPage(query, 'target', page).getMany();
  }

  /** Inserts a target; a taken uuid or (node, boot_index) is the matching conflict error. */
  async insert(target: Partial<VolumeTargetEntity>, manager: EntityManager = this.dataSource.manager): Promise<VolumeTargetEntity> {
    const repository = manager.getRepository(VolumeTargetEntity);
    try {
      const saved = await repository.save(repository.create(target));
      return (await this.findByUuid(saved.uuid)) ?? saved;
    } catch (error) {
      throw conflictFor(error, target) ?? error;
    }
  }

  /** Writes the changed columns (updated_at included). */
  async update(id: number, changes: Partial<VolumeTargetEntity>, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const repository = manager.getRepository(VolumeTargetEntity);
    try {
      await repository.update({ id }, { ...changes, updatedAt: () => 'now()' } as Parameters<typeof repository.update>[1]);
    } catch (error) {
      const current = await repository.findOneBy({ id });
      throw conflictFor(error, { ...current, ...changes }) ?? error;
    }
  }

  async delete(id: number, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(VolumeTargetEntity).delete({ id });
  }

  private select(): SelectQueryBuilder<VolumeTargetEntity> {
    return this.targets.createQueryBuilder('target').innerJoin('target.node', 'node').addSelect(['node.id', 'node.uuid']);
  }
}

function conflictFor(error: unknown, target: Partial<VolumeTargetEntity>): Error | undefined {
  switch (violatedUniqueConstraint(error)) {
    case 'volume_targets_uuid_key':
      return new VolumeTargetAlreadyExistsError({ uuid: target.uuid ?? '' });
    case 'volume_targets_node_id_boot_index_key':
      return new VolumeTargetBootIndexAlreadyExistsError({ bootIndex: target.bootIndex ?? '' });
    default:
      return undefined;
  }
}
