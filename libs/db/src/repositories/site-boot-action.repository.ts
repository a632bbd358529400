import { DataSource, In } from 'typeorm';
import { SiteBootActionEntity } from '../entities/site-boot-action.entity';

// The only place with SQL for boot actions. Which boot actions a node gets, their ids and keys,
// and what a report may change are the orchestrator's rules; this stores what they decide.

export type SiteBootActionInsert = Pick<SiteBootActionEntity, 'actionId' | 'taskId' | 'subtaskId' | 'nodeName' | 'actionName' | 'identityKey' | 'signaling' | 'status' | 'createdAt'>;

export const BOOT_ACTION_INCOMPLETE = 'incomplete';

export class SiteBootActionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The node's boot actions in the task: the ones already there, or else `rows`, inserted in one
   * transaction. A step that runs again (a retried or restarted job) gets the ids and key it
   * handed the node the first time.
   */
  async register(taskId: string, nodeName: string, rows: readonly SiteBootActionInsert[]): Promise<SiteBootActionEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(SiteBootActionEntity);
      // One registration of a node in a task at a time: the second waits, then finds the first's rows.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`site_boot_actions:${taskId}:${nodeName}`]);
      const existing = await repository.find({ where: { taskId, nodeName }, order: { actionName: 'ASC' } });
      if (existing.length > 0 || rows.length === 0) return existing;
      await repository.insert(rows.map((row) => ({ ...row, updatedAt: null })));
      return repository.find({ where: { taskId, nodeName }, order: { actionName: 'ASC' } });
    });
  }

  byId(actionId: string): Promise<SiteBootActionEntity | null> {
    return this.dataSource.getRepository(SiteBootActionEntity).findOneBy({ actionId });
  }

  forNodeInTask(taskId: string, nodeName: string): Promise<SiteBootActionEntity[]> {
    return this.dataSource.getRepository(SiteBootActionEntity).find({ where: { taskId, nodeName }, order: { actionName: 'ASC' } });
  }

  /** The boot actions of the node's latest deploy (those of the task that registered last for it). */
  async latestForNode(nodeName: string): Promise<SiteBootActionEntity[]> {
    const repository = this.dataSource.getRepository(SiteBootActionEntity);
    const latest = await repository.findOne({ where: { nodeName }, order: { createdAt: 'DESC', actionId: 'DESC' } });
    return latest === null ? [] : this.forNodeInTask(latest.taskId, nodeName);
  }

  /** Sets the final status of an incomplete action; false when it is not incomplete (any more). */
  async finish(actionId: string, status: string, at: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(SiteBootActionEntity)
      .update({ actionId, status: BOOT_ACTION_INCOMPLETE }, { status, updatedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** Marks the incomplete actions among `actionIds` done (`success`): the non-signaling ones, once the node has their assets. */
  async finishAll(actionIds: readonly string[], status: string, at: Date): Promise<number> {
    if (actionIds.length === 0) return 0;
    const result = await this.dataSource
      .getRepository(SiteBootActionEntity)
      .update({ actionId: In([...actionIds]), status: BOOT_ACTION_INCOMPLETE }, { status, updatedAt: at });
    return result.affected ?? 0;
  }
}
