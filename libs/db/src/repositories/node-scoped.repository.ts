import { DataSource, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { applyKeysetPage, KeysetPage } from './keyset-page';

/** A row that belongs to one node and is addressed by its uuid (volume connectors, targets). */
export interface NodeScopedRow extends ObjectLiteral {
  id: number;
  uuid: string;
  nodeId: number;
}

/**
 * Reads and writes of a node-scoped resource: found with the uuid of its node (an API resource
 * shows that, not the id), listed per node in keyset pages, and written with unique violations
 * turned into the resource's own conflict errors by `conflictFor`.
 */
export abstract class NodeScopedRepository<E extends NodeScopedRow, K extends string> {
  protected readonly rows: Repository<E>;

  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly entity: EntityTarget<E>,
    private readonly alias: string,
  ) {
    this.rows = dataSource.getRepository(entity);
  }

  /** The conflict error for a unique violation, or undefined for any other failure. */
  protected abstract conflictFor(error: unknown, row: Partial<E>): Error | undefined;

  findByUuid(uuid: string): Promise<E | null> {
    return this.select().where(`${this.alias}.uuid = :uuid`, { uuid }).getOne();
  }

  /** A page (of one node's rows when `nodeId` is given) in (sort key, id) order. */
  list(filter: { nodeId?: number }, page: KeysetPage<E> & { sortKey: K }): Promise<E[]> {
    const query = this.select();
    if (filter.nodeId !== undefined) query.andWhere(`${this.alias}.nodeId = :nodeId`, { nodeId: filter.nodeId });
    return applyKeysetPage(query, this.alias, page).getMany();
  }

  async insert(row: Partial<E>, manager: EntityManager = this.dataSource.manager): Promise<E> {
    const repository = manager.getRepository(this.entity);
    try {
      const saved = await repository.save(repository.create(row as E));
      return (await this.findByUuid(saved.uuid)) ?? saved;
    } catch (error) {
      throw this.conflictFor(error, row) ?? error;
    }
  }

  /** Writes the changed columns (updated_at included). */
  async update(id: number, changes: Partial<E>, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const repository = manager.getRepository(this.entity);
    const where = { id } as FindOptionsWhere<E>;
    try {
      await repository.update(where, { ...changes, updatedAt: () => 'now()' } as Parameters<typeof repository.update>[1]);
    } catch (error) {
      const current = await repository.findOneBy(where);
      throw this.conflictFor(error, { ...current, ...changes }) ?? error;
    }
  }

  async delete(id: number, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(this.entity).delete({ id } as FindOptionsWhere<E>);
  }

  private select(): SelectQueryBuilder<E> {
    return this.rows.createQueryBuilder(this.alias).innerJoin(`${this.alias}.node`, 'node').addSelect(['node.id', 'node.uuid']);
  }
}
