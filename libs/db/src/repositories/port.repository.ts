import { DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { MACAlreadyExistsError, PortAlreadyExistsError, PortDuplicateNameError } from '@slipway/errors';
import { PortEntity } from '../entities/port.entity';
import { applyKeysetPage, KeysetPage } from './keyset-page';
import { violatedUniqueConstraint } from './unique-violation';

// The only place with SQL for ports. The api reads through it; the conductor writes through it
// under the node lock.

/** Filters of `GET /v1/ports`, already validated by the api (at most one applies, as in Ironic). */
export interface PortListFilter {
  nodeId?: number;
  portgroupId?: number;
  /** Ports of nodes in these shards. */
  shards?: string[];
}

export type PortSortKey = 'id' | 'uuid' | 'address' | 'name' | 'nodeId' | 'portgroupId' | 'pxeEnabled' | 'physicalNetwork' | 'isSmartnic' | 'createdAt' | 'updatedAt';

export type PortListPage = KeysetPage<PortEntity> & { sortKey: PortSortKey };

export class PortRepository {
  private readonly ports: Repository<PortEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.ports = dataSource.getRepository(PortEntity);
  }

  findByUuid(uuid: string): Promise<PortEntity | null> {
    return this.select().where('port.uuid = :uuid', { uuid }).getOne();
  }

  findByAddress(address: string): Promise<PortEntity | null> {
    return this.select().where('port.address = :address', { address }).getOne();
  }

  /** Ports with the uuids of their node and portgroup (a port shows those, not the ids). */
  private select(): SelectQueryBuilder<PortEntity> {
    return this.ports
      .createQueryBuilder('port')
      .innerJoin('port.node', 'node')
      .addSelect(['node.id', 'node.uuid'])
      .leftJoin('port.portgroup', 'portgroup')
      .addSelect(['portgroup.id', 'portgroup.uuid']);
  }

  /** A page of ports in (sort key, id) order, starting after `page.marker`. */
  list(filter: PortListFilter, page: PortListPage): Promise<PortEntity[]> {
    const query = this.select();
    if (filter.nodeId !== undefined) query.andWhere('port.nodeId = :nodeId', { nodeId: filter.nodeId });
    if (filter.portgroupId !== undefined) query.andWhere('port.portgroupId = :portgroupId', { portgroupId: filter.portgroupId });
    if (filter.shards?.length) query.andWhere('node.shard IN (:...shards)', { shards: filter.shards });
    return applyKeysetPage(query, 'port', page).getMany();
  }

  /** Every port of a node in id order (a driver task carries them). */
  listByNodeId(nodeId: number, manager: EntityManager = this.dataSource.manager): Promise<PortEntity[]> {
    return manager.getRepository(PortEntity).find({ where: { nodeId }, order: { id: 'ASC' } });
  }

  /** The distinct physical networks of a portgroup's member ports, leaving one port out. */
  async physicalNetworksOfPortgroup(portgroupId: number, excludePortId?: number): Promise<Array<string | null>> {
    const query = this.ports.createQueryBuilder('port').select('DISTINCT port.physicalNetwork', 'physicalNetwork').where('port.portgroupId = :portgroupId', { portgroupId });
    if (excludePortId !== undefined) query.andWhere('port.id <> :excludePortId', { excludePortId });
    const rows = await query.getRawMany<{ physicalNetwork: string | null }>();
    return rows.map((row) => row.physicalNetwork);
  }

  /** Inserts a port; a taken uuid, MAC or name is the matching conflict error. */
  async insert(port: Partial<PortEntity>, manager: EntityManager = this.dataSource.manager): Promise<PortEntity> {
    const repository = manager.getRepository(PortEntity);
    try {
      const saved = await repository.save(repository.create(port));
      return (await this.findByUuid(saved.uuid)) ?? saved;
    } catch (error) {
      throw conflictFor(error, port) ?? error;
    }
  }

  /** Writes the changed columns (updated_at included). */
  async update(id: number, changes: Partial<PortEntity>, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const repository = manager.getRepository(PortEntity);
    try {
      await repository.update({ id }, { ...changes, updatedAt: () => 'now()' } as Parameters<typeof repository.update>[1]);
    } catch (error) {
      const current = await repository.findOneBy({ id });
      throw conflictFor(error, { ...changes, uuid: current?.uuid }) ?? error;
    }
  }

  async delete(id: number, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(PortEntity).delete({ id });
  }
}

function conflictFor(error: unknown, port: Partial<PortEntity>): Error | undefined {
  switch (violatedUniqueConstraint(error)) {
    case 'ports_uuid_key':
      return new PortAlreadyExistsError({ uuid: port.uuid ?? '' });
    case 'ports_address_key':
      return new MACAlreadyExistsError({ mac: port.address ?? '' });
    case 'ports_name_key':
      return new PortDuplicateNameError({ name: port.name ?? '' });
    default:
      return undefined;
  }
}
