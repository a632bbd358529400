import { DataSource, Repository } from 'typeorm';
import { NodeHistoryEntity } from '../entities/node-history.entity';
import { rawPool } from './raw-pool';

// The only place with SQL for the node event journal (`/v1/nodes/{node}/history`). Conductors
// record entries; the api reads them.

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
  async record(entry: Partial<NodeHistoryEntity> & Pick<NodeHistoryEntity, 'uuid' | 'nodeId'>): Promise<void> {
    await rawPool(this.dataSource).query({
      name: 'slipway_record_node_history',
      text: `INSERT INTO node_history (uuid, node_id, type, severity, event_type, event, "user", project, conductor, state, target_provision_state, duration_seconds)
             VALUES ($1, $2, COALESCE($3, 'event'), $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      values: [
        entry.uuid,
        entry.nodeId,
        entry.type ?? null,
        entry.severity ?? null,
        entry.eventType ?? null,
        entry.event ?? null,
        entry.user ?? null,
        entry.project ?? null,
        entry.conductor ?? null,
        entry.state ?? null,
        entry.targetProvisionState ?? null,
        entry.durationSeconds ?? null,
      ],
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
