import { DataSource, EntityManager, Repository } from 'typeorm';
import { NodeHistoryEntity } from '../entities/node-history.entity';

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

  /** Appends an entry (its uuid is the caller's). */
  async record(entry: Partial<NodeHistoryEntity> & Pick<NodeHistoryEntity, 'uuid' | 'nodeId'>, manager: EntityManager = this.dataSource.manager): Promise<NodeHistoryEntity> {
    const repository = manager.getRepository(NodeHistoryEntity);
    return repository.save(repository.create(entry));
  }
}
