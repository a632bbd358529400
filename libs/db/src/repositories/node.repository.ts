import { DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { DuplicateNameError, InstanceAssociatedError, NodeAlreadyExistsError } from '@slipway/errors';
import { NodeEntity } from '../entities/node.entity';
import { keysetSql, KeysetPage } from './keyset-page';
import { NodeRowMapper } from './node-row.mapper';
import { rawPool, type RawPool } from './raw-pool';
import { journalInsertCte, type NodeHistoryInsert } from './node-history.repository';
import { violatedUniqueConstraint } from './unique-violation';

// The only place with SQL for nodes. One method per query; the api and the conductor use it.

/** Filters of `GET /v1/nodes`, already validated by the api. */
export interface NodeListFilter {
  associated?: boolean;
  maintenance?: boolean;
  retired?: boolean;
  fault?: string;
  provisionState?: string;
  driver?: string;
  resourceClass?: string;
  conductorGroup?: string;
  owner?: string;
  lessee?: string;
  /** Ironic's `project`: owner or lessee. */
  project?: string;
  descriptionContains?: string;
  chassisUuid?: string;
  instanceUuid?: string;
  shards?: string[];
  sharded?: boolean;
  /** Ironic's parent/child rule: a uuid lists that node's children; null lists only nodes without a parent. */
  parentNode?: string | null;
}

export type NodeSortKey = keyof NodeEntity;

/** Which nodes a conductor's periodic work looks at (see listForConductor). */
export interface ConductorNodeFilter {
  conductorGroup: string;
  drivers: readonly string[];
  provisionStates?: readonly string[];
  maintenance?: boolean;
  fault?: string;
  /** false: only nodes nobody has locked. */
  reserved?: false;
  /** Only nodes locked by one of these hosts. */
  reservedBy?: readonly string[];
  /** Only nodes locked by a host not in this list (the live conductors: finds dead ones' locks). */
  reservedByNoneOf?: readonly string[];
  /** Only nodes whose conductor_affinity is not this conductor id (or is unset). */
  affinityOtherThan?: number;
  /** Only nodes whose `<type>_interface` is this implementation. */
  interface?: { property: keyof NodeEntity; name: string };
  afterId?: number;
  limit: number;
}

export interface NodeListPage {
  sortKey: NodeSortKey;
  sortDir: 'asc' | 'desc';
  limit: number;
  /** The last node of the previous page. */
  marker?: NodeEntity;
}

/** Where a node is in its life, by name (statesByNames). */
export interface NodeStates {
  name: string;
  uuid: string;
  provisionState: string;
  targetProvisionState: string | null;
  powerState: string | null;
  maintenance: boolean;
}

export class NodeRepository {
  private readonly nodes: Repository<NodeEntity>;

  private readonly rows: NodeRowMapper;

  constructor(private readonly dataSource: DataSource) {
    this.nodes = dataSource.getRepository(NodeEntity);
    this.rows = new NodeRowMapper(dataSource);
  }

  /** The node with its chassis and allocation uuids and its traits (one prepared query). */
  findByUuid(uuid: string): Promise<NodeEntity | null> {
    return this.findOne('slipway_node_by_uuid', 'n.uuid = $1', uuid);
  }

  findByName(name: string): Promise<NodeEntity | null> {
    return this.findOne('slipway_node_by_name', 'n.name = $1', name);
  }

  private async findOne(statement: string, condition: string, value: string): Promise<NodeEntity | null> {
    // A named statement is planned once per connection and reused.
    const { rows } = await this.pool().query({ name: statement, text: `${this.rows.selectSql(true)} WHERE ${condition}`, values: [value] });
    return rows.length ? this.rows.toEntity(rows[0]) : null;
  }

  /** The driver's pg pool, for the hand-written statements. */
  private pool(): RawPool {
    return rawPool(this.dataSource);
  }

  findById(id: number): Promise<NodeEntity | null> {
    return this.select().where('node.id = :id', { id }).getOne();
  }

  /** Nodes with the uuids of their chassis and allocation (a node shows those, not the ids). */
  private select(): SelectQueryBuilder<NodeEntity> {
    return this.nodes
      .createQueryBuilder('node')
      .leftJoin('node.chassis', 'chassis')
      .addSelect(['chassis.id', 'chassis.uuid'])
      .leftJoin('node.allocation', 'allocation')
      .addSelect(['allocation.id', 'allocation.uuid']);
  }

  /**
   * A page of nodes in (sort key, id) order, starting after `page.marker`: one hand-written query
   * mapped like single-node reads (lists of 1,000 nodes are the API's heaviest reads). Traits come
   * with the nodes only when asked for.
   */
  async list(filter: NodeListFilter, page: NodeListPage, options: { withTraits?: boolean } = {}): Promise<NodeEntity[]> {
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    const conditions = filterConditions(filter, (property) => `n.${this.rows.columnOf(property)}`, param);
    const keyset = keysetSql(`n.${this.rows.columnOf(page.sortKey)}`, 'n.id', page as KeysetPage<NodeEntity>, param);
    if (keyset.after) conditions.push(keyset.after);
    const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
    const text = `${this.rows.selectSql(options.withTraits ?? false)}${where} ORDER BY ${keyset.orderBy} LIMIT ${param(page.limit)}`;
    const { rows } = await this.pool().query({ text, values });
    return rows.map((row) => this.rows.toEntity(row));
  }

  /**
   * Candidates for a conductor's periodic work, in id order from `afterId`: the nodes of its
   * group and hardware types that match. Which of them the conductor owns is the ring's call.
   */
  async listForConductor(filter: ConductorNodeFilter): Promise<NodeEntity[]> {
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    const column = (property: keyof NodeEntity) => `n.${this.rows.columnOf(property)}`;
    const conditions = [`lower(${column('conductorGroup')}) = lower(${param(filter.conductorGroup)})`, `${column('driver')} = ANY(${param(filter.drivers)})`, `n.id > ${param(filter.afterId ?? 0)}`];
    if (filter.provisionStates) conditions.push(`${column('provisionState')} = ANY(${param(filter.provisionStates)})`);
    if (filter.maintenance !== undefined) conditions.push(`${column('maintenance')} = ${param(filter.maintenance)}`);
    if (filter.fault !== undefined) conditions.push(`${column('fault')} = ${param(filter.fault)}`);
    if (filter.reserved === false) conditions.push(`${column('reservation')} IS NULL`);
    if (filter.reservedBy) conditions.push(`${column('reservation')} = ANY(${param(filter.reservedBy)})`);
    if (filter.reservedByNoneOf) conditions.push(`${column('reservation')} IS NOT NULL AND NOT (${column('reservation')} = ANY(${param(filter.reservedByNoneOf)}))`);
    if (filter.affinityOtherThan !== undefined) conditions.push(`${column('conductorAffinity')} IS DISTINCT FROM ${param(filter.affinityOtherThan)}`);
    if (filter.interface) conditions.push(`${column(filter.interface.property)} = ${param(filter.interface.name)}`);
    const text = `${this.rows.selectSql(false)} WHERE ${conditions.join(' AND ')} ORDER BY n.id LIMIT ${param(filter.limit)}`;
    const { rows } = await this.pool().query({ text, values });
    return rows.map((row) => this.rows.toEntity(row));
  }

  /** The uuids of a node's children (`GET /v1/nodes/{node}/children`), oldest first. */
  async childrenOf(parentUuid: string): Promise<string[]> {
    const rows = await this.nodes.createQueryBuilder('node').select('node.uuid', 'uuid').where('node.parent_node = :parentUuid', { parentUuid }).orderBy('node.id').getRawMany<{ uuid: string }>();
    return rows.map((row) => row.uuid);
  }

  /** Every node in one provision state (the inspection callback's BMC-address lookup, among nodes in `inspect wait`). */
  async listInProvisionState(state: string): Promise<NodeEntity[]> {
    const { rows } = await this.pool().query({ text: `${this.rows.selectSql(false)} WHERE n.provision_state = $1 ORDER BY n.id`, values: [state] });
    return rows.map((row) => this.rows.toEntity(row));
  }

  /** Traits per node id, for the nodes of one response. */
  async traitsOf(nodeIds: number[]): Promise<Map<number, string[]>> {
    const traits = new Map<number, string[]>(nodeIds.map((id) => [id, []]));
    if (!nodeIds.length) return traits;
    const { rows } = await this.pool().query({ name: 'slipway_traits_of_nodes', text: 'SELECT node_id, trait FROM node_traits WHERE node_id = ANY($1) ORDER BY trait', values: [nodeIds] });
    for (const row of rows) traits.get(row['node_id'] as number)?.push(row['trait'] as string);
    return traits;
  }

  /** Inserts a node; a taken uuid, name or instance uuid is the matching conflict error. */
  async insert(node: Partial<NodeEntity>, manager: EntityManager = this.dataSource.manager): Promise<NodeEntity> {
    const repository = manager.getRepository(NodeEntity);
    try {
      return await repository.save(repository.create(node));
    } catch (error) {
      throw conflictFor(error, node) ?? error;
    }
  }

  /** Writes the changed columns (updated_at included) and returns the stored row. */
  /** Writes `changes` (and updated_at) and returns the node as stored now. */
  async update(id: number, changes: Partial<NodeEntity>, manager: EntityManager = this.dataSource.manager): Promise<NodeEntity> {
    await this.applyChanges(id, changes, manager);
    return (await this.findById(id)) as NodeEntity;
  }

  /** Writes `changes` (and updated_at) without reading the node back: for writers that hold it already. */
  async applyChanges(id: number, changes: Partial<NodeEntity>, manager?: EntityManager): Promise<void> {
    const repository = (manager ?? this.dataSource.manager).getRepository(NodeEntity);
    try {
      // Outside a transaction, one prepared statement: conductors save a node after every step.
      if (manager) await repository.update({ id }, { ...changes, updatedAt: () => 'now()' } as Parameters<typeof repository.update>[1]);
      else await this.pool().query(this.rows.updateStatement(id, changes as Record<string, unknown>));
    } catch (error) {
      const current = await repository.findOneBy({ id });
      throw conflictFor(error, { ...changes, uuid: current?.uuid }) ?? error;
    }
  }

  /**
   * Writes `changes` (and updated_at) and appends `journal` to the node's history in one
   * statement: a conductor saves a node and journals what it did at every step and transition.
   */
  async applyChangesWithJournal(id: number, changes: Partial<NodeEntity>, journal: readonly NodeHistoryInsert[]): Promise<void> {
    if (journal.length === 0) return this.applyChanges(id, changes);
    if (Object.keys(changes).length === 0) {
      const { cte, value } = journalInsertCte('$1', journal);
      await this.pool().query({ name: 'slipway_journal_only', text: `WITH ${cte} SELECT 1`, values: [value] });
      return;
    }
    const update = this.rows.updateStatement(id, changes as Record<string, unknown>);
    const { cte, value } = journalInsertCte(`$${update.values.length + 1}`, journal);
    try {
      await this.pool().query({ name: `${update.name}_journal`, text: `WITH ${cte} ${update.text}`, values: [...update.values, value] });
    } catch (error) {
      const current = await this.nodes.findOneBy({ id });
      throw conflictFor(error, { ...changes, uuid: current?.uuid }) ?? error;
    }
  }

  async delete(id: number, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(NodeEntity).delete({ id });
  }

  /**
   * Exclusive lock: `reservation` goes from NULL to `host` atomically, so of many concurrent
   * callers exactly one wins (`locked`). The node is read in the same round trip; `node` is the row as it was just before: its `reservation` names the holder when `locked` is
   * false. Null when no node has this uuid.
   */
  async reserveByUuid(uuid: string, host: string): Promise<{ node: NodeEntity; locked: boolean } | null> {
    const text = `WITH locked AS (UPDATE nodes SET reservation = $2 WHERE uuid = $1 AND reservation IS NULL RETURNING id)
      SELECT EXISTS (SELECT 1 FROM locked) AS "slipway.locked", q.* FROM (${this.rows.selectSql(true)} WHERE n.uuid = $1) q`;
    const { rows } = await this.pool().query({ name: 'slipway_reserve_node_by_uuid', text, values: [uuid, host] });
    return rows.length ? { node: this.rows.toEntity(rows[0]), locked: rows[0]['slipway.locked'] === true } : null;
  }

  /** Releases the lock only if `host` holds it; returns whether it did. */
  async release(id: number, host: string): Promise<boolean> {
    const result = await this.pool().query({ name: 'slipway_release_node', text: 'UPDATE nodes SET reservation = NULL WHERE id = $1 AND reservation = $2', values: [id, host] });
    return result.rowCount === 1;
  }

  /** Who holds the node's lock now (null: nobody), or undefined when the node is gone. */
  async reservationOf(id: number): Promise<string | null | undefined> {
    const row = await this.nodes.createQueryBuilder('node').select('node.reservation', 'reservation').where('node.id = :id', { id }).getRawOne<{ reservation: string | null }>();
    return row === undefined ? undefined : row.reservation;
  }

  /** How many nodes are in one of these provision states, cluster-wide (concurrency limits). */
  async countInProvisionStates(states: readonly string[]): Promise<number> {
    const { rows } = await this.pool().query({ name: 'slipway_count_nodes_in_states', text: 'SELECT count(*)::int AS count FROM nodes WHERE provision_state = ANY($1)', values: [[...states]] });
    return rows[0]['count'] as number;
  }

  /** The states of the nodes with these names (the orchestrator's node list shows each design node's Ironic node). */
  async statesByNames(names: readonly string[]): Promise<NodeStates[]> {
    if (names.length === 0) return [];
    const { rows } = await this.pool().query({
      name: 'slipway_node_states_by_names',
      text: 'SELECT name, uuid, provision_state, target_provision_state, power_state, maintenance FROM nodes WHERE name = ANY($1)',
      values: [[...names]],
    });
    return rows.map((row) => ({
      name: row['name'] as string,
      uuid: row['uuid'] as string,
      provisionState: row['provision_state'] as string,
      targetProvisionState: row['target_provision_state'] as string | null,
      powerState: row['power_state'] as string | null,
      maintenance: row['maintenance'] as boolean,
    }));
  }

  /** Runs `work` in one transaction; repository methods take the handle it gets. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

function conflictFor(error: unknown, node: Partial<NodeEntity>): Error | undefined {
  switch (violatedUniqueConstraint(error)) {
    case 'nodes_uuid_key':
      return new NodeAlreadyExistsError({ uuid: node.uuid ?? '' });
    case 'nodes_name_key':
      return new DuplicateNameError({ name: node.name ?? '' });
    case 'nodes_instance_uuid_key':
      return new InstanceAssociatedError({ instanceUuid: node.instanceUuid ?? '', node: node.uuid ?? '' });
    default:
      return undefined;
  }
}

/** The list filter as SQL conditions; `column` names a node property's column, `param` binds a value. */
function filterConditions(filter: NodeListFilter, column: (property: keyof NodeEntity) => string, param: (value: unknown) => string): string[] {
  const equal: Array<[keyof NodeListFilter, keyof NodeEntity]> = [
    ['maintenance', 'maintenance'],
    ['retired', 'retired'],
    ['fault', 'fault'],
    ['provisionState', 'provisionState'],
    ['driver', 'driver'],
    ['resourceClass', 'resourceClass'],
    ['conductorGroup', 'conductorGroup'],
    ['owner', 'owner'],
    ['lessee', 'lessee'],
    ['instanceUuid', 'instanceUuid'],
  ];
  const conditions: string[] = [];
  for (const [key, property] of equal) {
    if (filter[key] !== undefined) conditions.push(`${column(property)} = ${param(filter[key])}`);
  }
  if (filter.chassisUuid !== undefined) conditions.push(`c.uuid = ${param(filter.chassisUuid)}`);
  if (filter.associated !== undefined) conditions.push(`${column('instanceUuid')} IS ${filter.associated ? 'NOT ' : ''}NULL`);
  if (filter.project !== undefined) {
    const project = param(filter.project);
    conditions.push(`(${column('owner')} = ${project} OR ${column('lessee')} = ${project})`);
  }
  if (filter.descriptionContains !== undefined) {
    const pattern = `%${filter.descriptionContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(`${column('description')} ILIKE ${param(pattern)} ESCAPE '\\'`);
  }
  if (filter.shards?.length) conditions.push(`${column('shard')} = ANY(${param(filter.shards)})`);
  if (filter.sharded !== undefined) conditions.push(`${column('shard')} IS ${filter.sharded ? 'NOT ' : ''}NULL`);
  if (filter.parentNode !== undefined) conditions.push(filter.parentNode === null ? `${column('parentNode')} IS NULL` : `${column('parentNode')} = ${param(filter.parentNode)}`);
  return conditions;
}
