import { DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { PortgroupAlreadyExistsError, PortgroupDuplicateNameError, PortgroupMACAlreadyExistsError, PortgroupNotEmptyError, PortgroupNotFoundError } from '@slipway/errors';
import { PortEntity } from '../entities/port.entity';
import { PortgroupEntity } from '../entities/portgroup.entity';
import { applyKeysetPage, KeysetPage } from './keyset-page';
import { violatedUniqueConstraint } from './unique-violation';

// The only place with SQL for portgroups.

export interface PortgroupListFilter {
  nodeId?: number;
}

export type PortgroupSortKey = 'id' | 'uuid' | 'name' | 'address' | 'nodeId' | 'mode' | 'standalonePortsSupported' | 'physicalNetwork' | 'createdAt' | 'updatedAt';

export type PortgroupListPage = KeysetPage<PortgroupEntity> & { sortKey: PortgroupSortKey };

export class PortgroupRepository {
  private readonly portgroups: Repository<PortgroupEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.portgroups = dataSource.getRepository(PortgroupEntity);
  }

  findByUuid(uuid: string): Promise<PortgroupEntity | null> {
    return this.select().where('portgroup.uuid = :uuid', { uuid }).getOne();
  }

  findByName(name: string): Promise<PortgroupEntity | null> {
    return this.select().where('portgroup.name = :name', { name }).getOne();
  }

  findByAddress(address: string): Promise<PortgroupEntity | null> {
    return this.select().where('portgroup.address = :address', { address }).getOne();
  }

  /** Portgroups with the uuid of their node (a portgroup shows that, not the id). */
  private select(): SelectQueryBuilder<PortgroupEntity> {
    return this.portgroups.createQueryBuilder('portgroup').innerJoin('portgroup.node', 'node').addSelect(['node.id', 'node.uuid']);
  }

  list(filter: PortgroupListFilter, page: PortgroupListPage): Promise<PortgroupEntity[]> {
    const query = this.select();
    if (filter.nodeId !== undefined) query.andWhere('portgroup.nodeId = :nodeId', { nodeId: filter.nodeId });
    return applyKeysetPage(query, 'portgroup', page).getMany();
  }

  async countPorts(portgroupId: number): Promise<number> {
    return this.dataSource.getRepository(PortEntity).countBy({ portgroupId });
  }

  /** Inserts a portgroup; a taken uuid, name or MAC is the matching conflict error. */
  async insert(portgroup: Partial<PortgroupEntity>, manager: EntityManager = this.dataSource.manager): Promise<PortgroupEntity> {
    const repository = manager.getRepository(PortgroupEntity);
    try {
      const saved = await repository.save(repository.create(portgroup));
      return (await this.findByUuid(saved.uuid)) ?? saved;
    } catch (error) {
      throw conflictFor(error, portgroup) ?? error;
    }
  }

  async update(id: number, changes: Partial<PortgroupEntity>, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const repository = manager.getRepository(PortgroupEntity);
    try {
      await repository.update({ id }, { ...changes, updatedAt: () => 'now()' } as Parameters<typeof repository.update>[1]);
    } catch (error) {
      const current = await repository.findOneBy({ id });
      throw conflictFor(error, { ...changes, uuid: current?.uuid }) ?? error;
    }
  }

  /**
   * Deletes a portgroup that has no ports, in one statement so that a port joining meanwhile
   * cannot be orphaned: PortgroupNotEmpty when it still has some, PortgroupNotFound when gone.
   */
  async delete(portgroup: Pick<PortgroupEntity, 'id' | 'uuid'>, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(PortgroupEntity)
      .where('id = :id', { id: portgroup.id })
      .andWhere('NOT EXISTS (SELECT 1 FROM ports WHERE ports.portgroup_id = :id)', { id: portgroup.id })
      .execute();
    if (result.affected === 1) return;
    const stillThere = await manager.getRepository(PortgroupEntity).existsBy({ id: portgroup.id });
    throw stillThere ? new PortgroupNotEmptyError({ portgroup: portgroup.uuid }) : new PortgroupNotFoundError({ portgroup: portgroup.uuid });
  }
}

function conflictFor(error: unknown, portgroup: Partial<PortgroupEntity>): Error | undefined {
  switch (violatedUniqueConstraint(error)) {
    case 'portgroups_uuid_key':
      return new PortgroupAlreadyExistsError({ uuid: portgroup.uuid ?? '' });
    case 'portgroups_name_key':
      return new PortgroupDuplicateNameError({ name: portgroup.name ?? '' });
    case 'portgroups_address_key':
      return new PortgroupMACAlreadyExistsError({ mac: portgroup.address ?? '' });
    default:
      return undefined;
  }
}
