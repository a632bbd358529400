import { DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { AllocationAlreadyExistsError, AllocationDuplicateNameError, AllocationNotFoundError, InstanceAssociatedError, NodeAssociatedError, NodeNotFoundError } from '@slipway/errors';
import { AllocationEntity } from '../entities/allocation.entity';
import { NodeEntity } from '../entities/node.entity';
import { applyKeysetPage, KeysetPage } from './keyset-page';
import { violatedUniqueConstraint } from './unique-violation';

// The only place with SQL for allocations. The api reads through it and updates names and extras;
// conductors create, process and delete allocations through it, holding the node lock where a
// node is touched.

/** Filters of `GET /v1/allocations`, already validated by the api. */
export interface AllocationListFilter {
  nodeId?: number;
  resourceClass?: string;
  state?: string;
  owner?: string;
}

export type AllocationSortKey = 'id' | 'uuid' | 'name' | 'nodeId' | 'state' | 'owner' | 'lastError' | 'resourceClass' | 'conductorAffinity' | 'createdAt' | 'updatedAt';

export type AllocationListPage = KeysetPage<AllocationEntity> & { sortKey: AllocationSortKey };

/** The columns a new allocation starts with (state `allocating`, no node). */
export interface NewAllocation {
  uuid: string;
  name: string | null;
  resourceClass: string | null;
  traits: string[];
  candidateNodes: string[];
  extra: Record<string, unknown>;
  owner: string | null;
}

/** What allocation needs to know of a node that may be picked. */
export interface AllocationCandidate {
  id: number;
  uuid: string;
  name: string | null;
}

/** Ironic's candidate query: what a node must be for an allocation to consider it. */
export interface CandidateQuery {
  resourceClass: string | null;
  /** Node UUIDs to pick from; empty: any node. */
  candidateNodes: readonly string[];
  /** Nodes owned or leased by this project only. */
  owner: string | null;
}

export class AllocationRepository {
  private readonly allocations: Repository<AllocationEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.allocations = dataSource.getRepository(AllocationEntity);
  }

  findByUuid(uuid: string): Promise<AllocationEntity | null> {
    return this.select().where('allocation.uuid = :uuid', { uuid }).getOne();
  }

  findByName(name: string): Promise<AllocationEntity | null> {
    return this.select().where('allocation.name = :name', { name }).getOne();
  }

  /** The allocation holding a node (a node has at most one). */
  findByNodeId(nodeId: number): Promise<AllocationEntity | null> {
    return this.select().where('allocation.nodeId = :nodeId', { nodeId }).orderBy('allocation.id').getOne();
  }

  /** Allocations with the uuid of their node (an allocation shows that, not the id). */
  private select(): SelectQueryBuilder<AllocationEntity> {
    return this.allocations.createQueryBuilder('allocation').leftJoin('allocation.node', 'node').addSelect(['node.id', 'node.uuid']);
  }

  /** A page of allocations in (sort key, id) order, starting after `page.marker`. */
  list(filter: AllocationListFilter, page: AllocationListPage): Promise<AllocationEntity[]> {
    const query = this.select();
    if (filter.nodeId !== undefined) query.andWhere('allocation.nodeId = :nodeId', { nodeId: filter.nodeId });
    if (filter.resourceClass !== undefined) query.andWhere('allocation.resourceClass = :resourceClass', { resourceClass: filter.resourceClass });
    if (filter.state !== undefined) query.andWhere('allocation.state = :state', { state: filter.state });
    if (filter.owner !== undefined) query.andWhere('allocation.owner = :owner', { owner: filter.owner });
    return applyKeysetPage(query, 'allocation', page).getMany();
  }

  /** The `allocating` allocations of a conductor (to resume them when it starts again). */
  listAllocatingOf(hostname: string): Promise<AllocationEntity[]> {
    return this.select()
      .innerJoin('allocation.affinityConductor', 'conductor')
      .where('allocation.state = :state AND conductor.hostname = :hostname', { state: 'allocating', hostname })
      .orderBy('allocation.id')
      .getMany();
  }

  /**
   * Inserts a new allocation in state `allocating`, handled by the conductor `hostname` (its
   * `conductor_affinity`). A taken uuid or name is the matching conflict error.
   */
  async insert(allocation: NewAllocation, hostname: string): Promise<AllocationEntity> {
    try {
      await this.allocations
        .createQueryBuilder()
        .insert()
        .values({
          ...allocation,
          state: 'allocating',
          conductorAffinity: () => '(SELECT id FROM conductors WHERE hostname = :hostname)',
        } as never)
        .setParameter('hostname', hostname)
        .execute();
    } catch (error) {
      switch (violatedUniqueConstraint(error)) {
        case 'allocations_uuid_key':
          throw new AllocationAlreadyExistsError({ uuid: allocation.uuid });
        case 'allocations_name_key':
          throw new AllocationDuplicateNameError({ name: allocation.name ?? '' });
        default:
          throw error;
      }
    }
    return (await this.findByUuid(allocation.uuid)) as AllocationEntity;
  }

  /** Changes what a client may change (name, extra); a taken name is AllocationDuplicateName. */
  async updateAttributes(id: number, changes: { name?: string | null; extra?: Record<string, unknown> }): Promise<AllocationEntity> {
    try {
      await this.allocations.update({ id }, { ...changes, updatedAt: () => 'now()' } as Parameters<Repository<AllocationEntity>['update']>[1]);
    } catch (error) {
      if (violatedUniqueConstraint(error) === 'allocations_name_key') throw new AllocationDuplicateNameError({ name: changes.name ?? '' });
      throw error;
    }
    const updated = await this.select().where('allocation.id = :id', { id }).getOne();
    if (!updated) throw new AllocationNotFoundError({ allocation: String(id) });
    return updated;
  }

  /**
   * Maps node names and UUIDs to the UUIDs of existing nodes (Ironic's check_node_list). The
   * idents missing from the map do not name a node.
   */
  async nodeUuidsOf(idents: { uuids: readonly string[]; names: readonly string[] }): Promise<Map<string, string>> {
    const mapping = new Map<string, string>();
    if (!idents.uuids.length && !idents.names.length) return mapping;
    const query = this.dataSource.getRepository(NodeEntity).createQueryBuilder('node').select(['node.uuid', 'node.name']).where('1 = 0');
    if (idents.uuids.length) query.orWhere('node.uuid IN (:...uuids)', { uuids: [...idents.uuids] });
    if (idents.names.length) query.orWhere('node.name IN (:...names)', { names: [...idents.names] });
    for (const node of await query.getMany()) {
      if (idents.uuids.includes(node.uuid)) mapping.set(node.uuid, node.uuid);
      if (node.name !== null && idents.names.includes(node.name)) mapping.set(node.name, node.uuid);
    }
    return mapping;
  }

  /**
   * Nodes an allocation may pick, as Ironic filters them: available, powered (a known power
   * state), not in maintenance, without an instance, of the resource class, among the candidate
   * nodes if any, owned or leased by the owner if any, and having every requested trait.
   */
  findCandidates(query: CandidateQuery, traits: readonly string[]): Promise<AllocationCandidate[]> {
    const select = this.dataSource
      .getRepository(NodeEntity)
      .createQueryBuilder('node')
      .select(['node.id', 'node.uuid', 'node.name'])
      .where("node.provisionState = 'available'")
      .andWhere('node.powerState IS NOT NULL')
      .andWhere('node.maintenance = false')
      .andWhere('node.instanceUuid IS NULL');
    // Ironic compares with `=`, so an allocation without a resource class matches no node.
    select.andWhere('node.resourceClass = :resourceClass', { resourceClass: query.resourceClass });
    if (query.candidateNodes.length) select.andWhere('node.uuid IN (:...candidates)', { candidates: [...query.candidateNodes] });
    if (query.owner !== null) select.andWhere('(node.owner = :owner OR node.lessee = :owner)', { owner: query.owner });
    const wanted = [...new Set(traits)];
    if (wanted.length) {
      select.andWhere(
        `(SELECT count(*) FROM node_traits t WHERE t.node_id = node.id AND t.trait IN (:...traits)) = :traitCount`,
        { traits: wanted, traitCount: wanted.length },
      );
    }
    return select.orderBy('node.id').getMany();
  }

  /**
   * Gives the node to the allocation, in one transaction: the allocation becomes `active` with
   * the node, and the node gets the allocation, its uuid as `instance_uuid` and its traits in
   * `instance_info.traits`, as Ironic does. NodeAssociated when the node has another instance
   * already; InstanceAssociated when another node uses the allocation's uuid as its instance.
   * The caller holds the node's lock.
   */
  associate(allocationId: number, nodeId: number): Promise<AllocationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const allocation = await manager.getRepository(AllocationEntity).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :allocationId', { allocationId }).getOne();
      if (!allocation) throw new AllocationNotFoundError({ allocation: String(allocationId) });
      const node = await manager.getRepository(NodeEntity).createQueryBuilder('n').setLock('pessimistic_write').where('n.id = :nodeId', { nodeId }).getOne();
      if (!node) throw new NodeNotFoundError({ node: String(nodeId) });
      if (node.instanceUuid && node.instanceUuid !== allocation.uuid) throw new NodeAssociatedError({ node: node.uuid, instance: node.instanceUuid });
      await manager.getRepository(AllocationEntity).update({ id: allocationId }, { nodeId, state: 'active', updatedAt: () => 'now()' } as never);
      await this.updateNode(manager, nodeId, {
        allocationId,
        instanceUuid: allocation.uuid,
        instanceInfo: { ...node.instanceInfo, traits: allocation.traits },
      }).catch((error: unknown) => {
        throw violatedUniqueConstraint(error) === 'nodes_instance_uuid_key' ? new InstanceAssociatedError({ instanceUuid: allocation.uuid, node: node.uuid }) : error;
      });
      return (await this.selectIn(manager).where('allocation.id = :allocationId', { allocationId }).getOne()) as AllocationEntity;
    });
  }

  /** Marks the allocation failed (state `error`, no node); false when it is gone meanwhile. */
  async markFailed(id: number, lastError: string): Promise<boolean> {
    const result = await this.allocations.update({ id }, { nodeId: null, state: 'error', lastError, updatedAt: () => 'now()' } as never);
    return result.affected === 1;
  }

  /**
   * Deletes the allocation and frees its node (no allocation, no instance), in one transaction.
   * False when it was already gone.
   */
  delete(id: number): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(NodeEntity)
        .createQueryBuilder()
        .update()
        .set({ allocationId: null, instanceUuid: null, updatedAt: () => 'now()' })
        .where('allocation_id = :id', { id })
        .execute();
      const result = await manager.getRepository(AllocationEntity).delete({ id });
      return result.affected === 1;
    });
  }

  private selectIn(manager: EntityManager): SelectQueryBuilder<AllocationEntity> {
    return manager.getRepository(AllocationEntity).createQueryBuilder('allocation').leftJoin('allocation.node', 'node').addSelect(['node.id', 'node.uuid']);
  }

  private async updateNode(manager: EntityManager, nodeId: number, changes: Partial<NodeEntity>): Promise<void> {
    await manager
      .getRepository(NodeEntity)
      .createQueryBuilder()
      .update()
      .set({ ...changes, updatedAt: () => 'now()' } as never)
      .where('id = :nodeId', { nodeId })
      .execute();
  }
}
