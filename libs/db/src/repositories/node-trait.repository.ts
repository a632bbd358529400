import { DataSource, EntityManager, Repository } from 'typeorm';
import { NodeTraitEntity } from '../entities/node-trait.entity';

// The only place with SQL for node traits. Writers hold the node's lock (the conductor), so the
// read-then-write sequences of the callers do not race.

export class NodeTraitRepository {
  private readonly traits: Repository<NodeTraitEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.traits = dataSource.getRepository(NodeTraitEntity);
  }

  /** The node's trait names, sorted. */
  async namesOf(nodeId: number): Promise<string[]> {
    const rows = await this.traits.createQueryBuilder('t').select('t.trait', 'trait').where('t.nodeId = :nodeId', { nodeId }).orderBy('t.trait').getRawMany<{ trait: string }>();
    return rows.map((row) => row.trait);
  }

  /** Makes `traits` the node's whole set, in one transaction. */
  replace(nodeId: number, traits: readonly string[]): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await manager.getRepository(NodeTraitEntity).delete({ nodeId });
      await this.insertMissing(manager, nodeId, traits);
    });
  }

  /** Adds the traits the node does not have yet; present ones are left as they are. */
  add(nodeId: number, traits: readonly string[]): Promise<void> {
    return this.insertMissing(this.dataSource.manager, nodeId, traits);
  }

  /** Removes the named traits (all of them when `traits` is undefined); returns how many went. */
  async remove(nodeId: number, traits?: readonly string[]): Promise<number> {
    const query = this.traits.createQueryBuilder().delete().where('node_id = :nodeId', { nodeId });
    if (traits !== undefined) {
      if (!traits.length) return 0;
      query.andWhere('trait IN (:...traits)', { traits: [...traits] });
    }
    return (await query.execute()).affected ?? 0;
  }

  private async insertMissing(manager: EntityManager, nodeId: number, traits: readonly string[]): Promise<void> {
    const unique = [...new Set(traits)];
    if (!unique.length) return;
    await manager
      .getRepository(NodeTraitEntity)
      .createQueryBuilder()
      .insert()
      .values(unique.map((trait) => ({ nodeId, trait })))
      .orIgnore()
      .execute();
  }
}
