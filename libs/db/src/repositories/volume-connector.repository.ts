import { DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { VolumeConnectorAlreadyExistsError, VolumeConnectorTypeAndIdAlreadyExistsError } from '@slipway/errors';
import { VolumeConnectorEntity } from '../entities/volume-connector.entity';
import { applyKeysetPage, KeysetPage } from './keyset-page';
import { violatedUniqueConstraint } from './unique-violation';

// The only place with SQL for volume connectors. The api creates and reads through it; the
// conductor updates and deletes under the node's lock.

export type VolumeConnectorSortKey = 'id' | 'uuid' | 'nodeId' | 'type' | 'connectorId' | 'createdAt' | 'updatedAt';

export type VolumeConnectorListPage = KeysetPage<VolumeConnectorEntity> & { sortKey: VolumeConnectorSortKey };

export class VolumeConnectorRepository {
  private readonly connectors: Repository<VolumeConnectorEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.connectors = dataSource.getRepository(VolumeConnectorEntity);
  }

  /** The connector with the uuid of its node (a connector shows that, not the id). */
  findByUuid(uuid: string): Promise<VolumeConnectorEntity | null> {
    return this.select().where('connector.uuid = :uuid', { uuid }).getOne();
  }

  /** A page of connectors (of one node when `nodeId` is given) in (sort key, id) order. */
  list(filter: { nodeId?: number }, page: VolumeConnectorListPage): Promise<VolumeConnectorEntity[]> {
    const query = this.select();
    if (filter.nodeId !== undefined) query.andWhere('connector.nodeId = :nodeId', { nodeId: filter.nodeId });
    return applyKeysetPage(query, 'connector', page).getMany();
  }

  /** Inserts a connector; a taken uuid or (type, connector_id) is the matching conflict error. */
  async insert(connector: Partial<VolumeConnectorEntity>, manager: EntityManager = this.dataSource.manager): Promise<VolumeConnectorEntity> {
    const repository = manager.getRepository(VolumeConnectorEntity);
    try {
      const saved = await repository.save(repository.create(connector));
      return (await this.findByUuid(saved.uuid)) ?? saved;
    } catch (error) {
      throw conflictFor(error, connector) ?? error;
    }
  }

  /** Writes the changed columns (updated_at included). */
  async update(id: number, changes: Partial<VolumeConnectorEntity>, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const repository = manager.getRepository(VolumeConnectorEntity);
    try {
      await repository.update({ id }, { ...changes, updatedAt: () => 'now()' } as Parameters<typeof repository.update>[1]);
    } catch (error) {
      const current = await repository.findOneBy({ id });
      throw conflictFor(error, { ...current, ...changes }) ?? error;
    }
  }

  async delete(id: number, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(VolumeConnectorEntity).delete({ id });
  }

  private select(): SelectQueryBuilder<VolumeConnectorEntity> {
    return this.connectors.createQueryBuilder('connector').innerJoin('connector.node', 'node').addSelect(['node.id', 'node.uuid']);
  }
}

function conflictFor(error: unknown, connector: Partial<VolumeConnectorEntity>): Error | undefined {
  switch (violatedUniqueConstraint(error)) {
    case 'volume_connectors_uuid_key':
      return new VolumeConnectorAlreadyExistsError({ uuid: connector.uuid ?? '' });
    case 'volume_connectors_type_connector_id_key':
      return new VolumeConnectorTypeAndIdAlreadyExistsError({ type: connector.type ?? '', connectorId: connector.connectorId ?? '' });
    default:
      return undefined;
  }
}
