import { DataSource, In, IsNull, Repository } from 'typeorm';
import type { FindOptionsWhere } from 'typeorm';
import type { SiteTaskResultValue } from '../entities/site-task.entity';
import { SiteTaskEntity } from '../entities/site-task.entity';
import { SiteTaskMessageEntity } from '../entities/site-task-message.entity';
import { SiteTaskStepEntity } from '../entities/site-task-step.entity';

// The only place with SQL for site tasks, their messages and their per-node steps. The task
// rules (result folding, retries, which status termination gives) live in @slipway/site; this
// stores what they decide.

/** A new task's columns; createdAt is the caller's clock (the database's when left out). */
export type SiteTaskInsert = Pick<SiteTaskEntity, 'id' | 'action' | 'result'> &
  Partial<Pick<SiteTaskEntity, 'parentId' | 'designId' | 'designVersion' | 'nodeFilter' | 'status' | 'retry' | 'createdAt' | 'createdBy'>>;

export interface SiteTaskListQuery {
  /** Only tasks in one of these statuses. */
  status?: readonly string[];
  /** Only top-level tasks (no parent). */
  rootsOnly?: boolean;
  /** `newest` (the default) or `oldest` first, by creation. */
  order?: 'newest' | 'oldest';
  limit: number;
}

/** A message to append; its time is the caller's. */
export type SiteTaskMessageInsert = Pick<SiteTaskMessageEntity, 'message' | 'error' | 'contextType' | 'context' | 'ts'> & { extra?: Record<string, unknown> };

export interface SiteTaskTermination {
  at: Date;
  by: string | null;
  /**
   * The status each status becomes (@slipway/site STATUS_AFTER_TERMINATE); a task in a status
   * missing here (a final one) is left alone.
   */
  statusAfter: Readonly<Record<string, string | undefined>>;
}

/** A task and every task below it. */
export interface SiteTaskTree {
  root: SiteTaskEntity;
  /** In creation order, so a parent comes before its children. */
  descendants: SiteTaskEntity[];
}

/** `tree(id)`: the ids of the task `root` (a placeholder) and of every task below it (UNION: a cycle cannot loop). */
const treeIds = (root: string) => `WITH RECURSIVE tree(id) AS (
  SELECT id FROM site_tasks WHERE id = ${root}
  UNION SELECT child.id FROM site_tasks child JOIN tree ON child.parent_id = tree.id
)`;

export class SiteTaskRepository {
  private readonly tasks: Repository<SiteTaskEntity>;
  private readonly messageRows: Repository<SiteTaskMessageEntity>;
  private readonly steps: Repository<SiteTaskStepEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.tasks = dataSource.getRepository(SiteTaskEntity);
    this.messageRows = dataSource.getRepository(SiteTaskMessageEntity);
    this.steps = dataSource.getRepository(SiteTaskStepEntity);
  }

  /** Inserts a task and returns it as stored. */
  async insert(task: SiteTaskInsert): Promise<SiteTaskEntity> {
    // TypeORM's insert type cannot express a JSON column holding any object.
    await this.tasks.insert(task as never);
    return this.tasks.findOneByOrFail({ id: task.id });
  }

  byId(id: string): Promise<SiteTaskEntity | null> {
    return this.tasks.findOneBy({ id });
  }

  /** The direct subtasks of a task, in creation order. */
  children(parentId: string): Promise<SiteTaskEntity[]> {
    return this.tasks.find({ where: { parentId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** A task with all its descendants, in one query; null when the task does not exist. */
  async tree(rootId: string): Promise<SiteTaskTree | null> {
    const tasks = await this.tasks
      .createQueryBuilder('task')
      .where(`task.id IN (${treeIds(':rootId')} SELECT id FROM tree)`, { rootId })
      .orderBy('task.createdAt', 'ASC')
      .addOrderBy('task.id', 'ASC')
      .getMany();
    const root = tasks.find((task) => task.id === rootId);
    return root ? { root, descendants: tasks.filter((task) => task !== root) } : null;
  }

  /** Tasks by creation time, filtered by status and level. */
  list(query: SiteTaskListQuery): Promise<SiteTaskEntity[]> {
    const where: FindOptionsWhere<SiteTaskEntity> = {};
    if (query.status !== undefined) where.status = In([...query.status]);
    if (query.rootsOnly) where.parentId = IsNull();
    const direction = query.order === 'oldest' ? 'ASC' : 'DESC';
    return this.tasks.find({ where, order: { createdAt: direction, id: direction }, take: query.limit });
  }

  /**
   * Sets a task's status; with `expected`, only while its status is one of those (compare and
   * set: of two orchestrators starting the same queued task, one wins). True when it changed.
   */
  async updateStatus(id: string, status: string, expected?: readonly string[]): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE site_tasks SET status = $2, updated_at = now() WHERE id = $1 AND ($3::text[] IS NULL OR status = ANY($3::text[]))`,
      [id, status, expected === undefined ? null : [...expected]],
    );
    return affected === 1;
  }

  /** Replaces a task's result and, when given, its retry sequence. False when the task is gone. */
  async updateResult(id: string, result: SiteTaskResultValue, retry?: number): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE site_tasks SET result = $2::jsonb, retry = COALESCE($3, retry), updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(result), retry ?? null],
    );
    return affected === 1;
  }

  /**
   * Marks a task and every task below it for termination in one statement: the flag, the first
   * request's time and requester, and the status `statusAfter` gives. Returns the ids it marked.
   */
  async terminateTree(rootId: string, termination: SiteTaskTermination): Promise<string[]> {
    const [rows]: [Array<{ id: string }>, number] = await this.dataSource.query(
      `${treeIds('$1')}
       UPDATE site_tasks SET
         status = $4::jsonb ->> status,
         terminate = true,
         terminated_at = CASE WHEN terminate THEN terminated_at ELSE $2 END,
         terminated_by = CASE WHEN terminate THEN terminated_by ELSE $3 END,
         updated_at = now()
       WHERE id IN (SELECT id FROM tree) AND ($4::jsonb ->> status) IS NOT NULL
       RETURNING id`,
      [rootId, termination.at, termination.by, JSON.stringify(termination.statusAfter)],
    );
    return rows.map((row) => row.id);
  }

  /** Appends a message to a task; returns its sequence number. */
  async addMessage(taskId: string, message: SiteTaskMessageInsert): Promise<number> {
    const rows: Array<{ seq: string }> = await this.dataSource.query(
      `INSERT INTO site_task_messages (task_id, message, error, context_type, context, ts, extra) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING seq`,
      [taskId, message.message, message.error, message.contextType, message.context, message.ts, JSON.stringify(message.extra ?? {})],
    );
    return Number(rows[0].seq);
  }

  /** A task's messages in the order they were added. */
  messages(taskId: string): Promise<SiteTaskMessageEntity[]> {
    return this.messageRows.find({ where: { taskId }, order: { seq: 'ASC' } });
  }

  /** Records that a task finished `step` on a node. Done stays done. */
  markStepDone(taskId: string, nodeName: string, step: string, finishedAt: Date): Promise<void> {
    return this.recordStep(taskId, nodeName, step, 'done', finishedAt);
  }

  /** Records that `step` failed on a node; it is not done, so a retry runs it again. */
  markStepFailed(taskId: string, nodeName: string, step: string, finishedAt: Date): Promise<void> {
    return this.recordStep(taskId, nodeName, step, 'failed', finishedAt);
  }

  async isStepDone(taskId: string, nodeName: string, step: string): Promise<boolean> {
    return this.steps.existsBy({ taskId, nodeName, step, status: 'done' });
  }

  /** The steps a task has done, in the order they finished. */
  doneSteps(taskId: string): Promise<SiteTaskStepEntity[]> {
    return this.steps.find({ where: { taskId, status: 'done' }, order: { finishedAt: 'ASC', nodeName: 'ASC', step: 'ASC' } });
  }

  private async recordStep(taskId: string, nodeName: string, step: string, status: 'done' | 'failed', finishedAt: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO site_task_steps (task_id, node_name, step, status, finished_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (task_id, node_name, step) DO UPDATE SET status = EXCLUDED.status, finished_at = EXCLUDED.finished_at
       WHERE site_task_steps.status <> 'done'`,
      [taskId, nodeName, step, status, finishedAt],
    );
  }
}
