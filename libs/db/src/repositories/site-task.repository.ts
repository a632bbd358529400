import { DataSource, EntityManager, In, IsNull, Repository } from 'typeorm';
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
  addMessage(taskId: string, message: SiteTaskMessageInsert): Promise<number> {
    return this.insertMessage(taskId, message, this.dataSource.manager);
  }

  /** A task's messages in the order they were added. */
  messages(taskId: string): Promise<SiteTaskMessageEntity[]> {
    return this.messageRows.find({ where: { taskId }, order: { seq: 'ASC' } });
  }

  /** The messages of several tasks (a tree, a page of a list), each task's in the order they were added. */
  messagesOf(taskIds: readonly string[]): Promise<SiteTaskMessageEntity[]> {
    if (taskIds.length === 0) return Promise.resolve([]);
    return this.messageRows.find({ where: { taskId: In([...taskIds]) }, order: { seq: 'ASC' } });
  }

  /** The ids of the direct subtasks of several tasks, by parent, each list in creation order. */
  async subtaskIdsOf(parentIds: readonly string[]): Promise<Map<string, string[]>> {
    const byParent = new Map<string, string[]>(parentIds.map((id) => [id, []]));
    if (parentIds.length === 0) return byParent;
    const rows = await this.tasks.find({ select: { id: true, parentId: true }, where: { parentId: In([...parentIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    for (const row of rows) byParent.get(row.parentId as string)?.push(row.id);
    return byParent;
  }

  /** Records that a task finished `step` on a node. Done stays done. */
  markStepDone(taskId: string, nodeName: string, step: string, finishedAt: Date): Promise<void> {
    return this.recordStep(taskId, nodeName, step, 'done', finishedAt);
  }

  /**
   * Records that a task finished `step` on a node together with the messages that report it (on
   * `messageTaskId`, the node's subtask), in one transaction: a process that dies in between
   * leaves the step neither done nor reported, and runs it again.
   */
  async markStepDoneWithMessages(taskId: string, nodeName: string, step: string, finishedAt: Date, messageTaskId: string, messages: readonly SiteTaskMessageInsert[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.recordStep(taskId, nodeName, step, 'done', finishedAt, manager);
      for (const message of messages) await this.insertMessage(messageTaskId, message, manager);
    });
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

  private async insertMessage(taskId: string, message: SiteTaskMessageInsert, manager: EntityManager): Promise<number> {
    const rows: Array<{ seq: string }> = await manager.query(
      `INSERT INTO site_task_messages (task_id, message, error, context_type, context, ts, extra) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING seq`,
      [taskId, message.message, message.error, message.contextType, message.context, message.ts, JSON.stringify(message.extra ?? {})],
    );
    return Number(rows[0].seq);
  }

  private async recordStep(taskId: string, nodeName: string, step: string, status: 'done' | 'failed', finishedAt: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO site_task_steps (task_id, node_name, step, status, finished_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (task_id, node_name, step) DO UPDATE SET status = EXCLUDED.status, finished_at = EXCLUDED.finished_at
       WHERE site_task_steps.status <> 'done'`,
      [taskId, nodeName, step, status, finishedAt],
    );
  }
}
