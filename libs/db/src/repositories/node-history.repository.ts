import { DataSource, Repository } from 'typeorm';
import { NodeHistoryEntity } from '../entities/node-history.entity';
import { rawPool } from './raw-pool';

// The only place with SQL for the node event journal (`/v1/nodes/{node}/history`). Conductors
// record entries; the api reads them.

/** An entry to append: its uuid and node are the caller's; the rest may be left out. */
export type NodeHistoryInsert = Partial<NodeHistoryEntity> & Pick<NodeHistoryEntity, 'uuid' | 'nodeId'>;

/** The journal columns a writer sets, with their types and entity properties (created_at is the database's). */
const JOURNAL_COLUMNS: ReadonlyArray<readonly [column: string, type: string, property: keyof NodeHistoryEntity]> = [
  ['uuid', 'uuid', 'uuid'],
  ['node_id', 'integer', 'nodeId'],
  ['type', 'varchar', 'type'],
  ['severity', 'varchar', 'severity'],
  ['event_type', 'varchar', 'eventType'],
  ['event', 'text', 'event'],
  ['"user"', 'varchar', 'user'],
  ['project', 'varchar', 'project'],
  ['conductor', 'varchar', 'conductor'],
  ['state', 'varchar', 'state'],
  ['target_provision_state', 'varchar', 'targetProvisionState'],
  ['duration_seconds', 'integer', 'durationSeconds'],
];

/** `jsonb_to_recordset(<param>::jsonb) AS j(...)`: the rows of journalJson, typed for node_history. */
function journalRecordset(param: string): string {
  return `jsonb_to_recordset(${param}::jsonb) AS j(${JOURNAL_COLUMNS.map(([column, type]) => `${column} ${type}`).join(', ')})`;
}

/** Entries as the JSON parameter of journalRecordset (a missing type is 'event', the column's default). */
function journalJson(entries: readonly NodeHistoryInsert[]): string {
  return JSON.stringify(
    entries.map((entry) => Object.fromEntries(JOURNAL_COLUMNS.map(([column, , property]) => [column.replace(/"/g, ''), property === 'type' ? (entry.type ?? 'event') : (entry[property] ?? null)]))),
  );
}

/**
 * A CTE that appends `entries` (param `param`), for a statement that also writes the node: the
 * journal and the node change land in one round trip, and together.
 */
export function journalInsertCte(param: string, entries: readonly NodeHistoryInsert[]): { cte: string; value: string } {
  return { cte: `journal AS (INSERT INTO node_history (${JOURNAL_COLUMNS.map(([column]) => column).join(', ')}) SELECT * FROM ${journalRecordset(param)})`, value: journalJson(entries) };
}

export class NodeHistoryRepository {
  private readonly history: Repository<NodeHistoryEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.history = dataSource.getRepository(NodeHistoryEntity);
  }

  findByUuid(uuid: string): Promise<NodeHistoryEntity | null> {
    return this.history.findOneBy({ uuid });
  }

  /** A node's entries oldest first, after `marker` (an entry of the previous page). */
  listByNodeId(nodeId: number, page: { limit: number; marker?: NodeHistoryEntity }): Promise<NodeHistoryEntity[]> {
    const query = this.history.createQueryBuilder('entry').where('entry.nodeId = :nodeId', { nodeId });
    if (page.marker) query.andWhere('entry.id > :markerId', { markerId: page.marker.id });
    return query.orderBy('entry.id', 'ASC').limit(page.limit).getMany();
  }

  /**
   * Appends an entry (its uuid is the caller's). One prepared INSERT: conductors journal every
   * transition and step, so this is on the provisioning hot path.
   */
  async record(entry: NodeHistoryInsert): Promise<void> {
    await rawPool(this.dataSource).query({
      name: 'slipway_record_node_history',
      text: `INSERT INTO node_history (${JOURNAL_COLUMNS.map(([column]) => column).join(', ')}) SELECT * FROM ${journalRecordset('$1')}`,
      values: [journalJson([entry])],
    });
  }

  /**
   * Ironic's node history cleanup for the given nodes: deletes each node's entries beyond its
   * newest `maxEntries`, sparing entries younger than `minimumDays`, at most `batch` rows in all.
   * Returns how many it deleted.
   */
  async pruneOldest(nodeIds: readonly number[], options: { maxEntries: number; minimumDays: number; batch: number }): Promise<number> {
    if (nodeIds.length === 0 || options.batch <= 0) return 0;
    const rows: unknown = await this.dataSource.query(
      `WITH ranked AS (
         SELECT id, row_number() OVER (PARTITION BY node_id ORDER BY id DESC) AS newer, created_at
         FROM node_history WHERE node_id = ANY($1)
       ), doomed AS (
         SELECT id FROM ranked WHERE newer > $2 AND created_at < now() - make_interval(days => $3) ORDER BY id LIMIT $4
       )
       DELETE FROM node_history WHERE id IN (SELECT id FROM doomed) RETURNING id`,
      [nodeIds, options.maxEntries, options.minimumDays, options.batch],
    );
    // TypeORM answers a DELETE … RETURNING with [rows, count].
    return Array.isArray(rows) && Array.isArray(rows[0]) ? rows[0].length : Array.isArray(rows) ? rows.length : 0;
  }
}
