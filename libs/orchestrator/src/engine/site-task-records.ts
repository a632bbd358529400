import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SiteTaskRepository, type SiteTaskEntity, type SiteTaskResultValue } from '@slipway/db';
import { CLOCK, type Clock } from '@slipway/runtime';
import { nextTaskStatus, type NodeFilterSet, type SiteTask, type SiteTaskResult, type SiteTaskStatus, type TaskMessageInput } from '@slipway/site';
import { siteTaskOf } from '../tasks/site-task.mapper';

/** Statuses a task does not leave. */
export const FINAL_TASK_STATUSES: ReadonlySet<string> = new Set<SiteTaskStatus>(['complete', 'terminated']);

export function resultValue(result: SiteTaskResult): SiteTaskResultValue {
  const { messages: _messages, ...value } = result;
  return value;
}

export const EMPTY_RESULT: SiteTaskResultValue = Object.freeze({ status: 'incomplete', message: null, reason: null, successes: [], failures: [], links: {} }) as SiteTaskResultValue;

/** A stored task as the pure model sees it; its stored messages are not read (no task rule needs them). */
export function toSiteTask(entity: SiteTaskEntity): SiteTask {
  return siteTaskOf(entity, [], []);
}

/** The node filter of a node's subtask: that node, by name. */
export function nodeFilterFor(nodeName: string): NodeFilterSet {
  return { filter_set_type: 'union', filter_set: [{ filter_type: 'union', node_names: [nodeName] }] };
}

/** The node a subtask works on (its node filter names it). */
export function nodeNameOf(subtask: Pick<SiteTaskEntity, 'nodeFilter'>): string | undefined {
  return (subtask.nodeFilter as NodeFilterSet | null)?.filter_set[0]?.node_names?.[0];
}

/**
 * The id of a task's subtask for a node: the same for every run of the task (a name-based UUID,
 * version 5 style), so that a restarted task finds the subtasks it made and makes no others.
 */
export function subtaskIdFor(taskId: string, nodeName: string): string {
  const hex = createHash('sha1').update(`${taskId}/${nodeName}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Writes what the task rules of @slipway/site decide: a rule works on the task as pure data, and
 * this stores the new result, retry sequence and messages, and moves the status along the task
 * life cycle (compare and set, so that a termination asked meanwhile is not lost).
 */
@Injectable()
export class SiteTaskRecords {
  constructor(
    private readonly tasks: SiteTaskRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  async message(taskId: string, input: TaskMessageInput): Promise<void> {
    await this.tasks.addMessage(taskId, { ...input, ts: this.clock.now() });
  }

  /** Applies `change` to the stored task and saves its result, retry and new messages. Returns the task as changed. */
  async update(entity: SiteTaskEntity, change: (task: SiteTask, at: Date) => SiteTask): Promise<SiteTask> {
    const changed = change(toSiteTask(entity), this.clock.now());
    await this.tasks.updateResult(entity.id, resultValue(changed.result), changed.retry === entity.retry ? undefined : changed.retry);
    for (const message of changed.result.messages) {
      await this.tasks.addMessage(entity.id, { message: message.message, error: message.error, contextType: message.contextType, context: message.context, ts: message.ts, extra: message.extra });
    }
    return changed;
  }

  /** `update`, then the task finishes: running → complete, terminating → terminated (one not started yet starts first). */
  async finish(entity: SiteTaskEntity, change: (task: SiteTask, at: Date) => SiteTask = (task) => task): Promise<void> {
    await this.update(entity, change);
    await this.moveOn(entity.id, (status) => (status === 'requested' || status === 'queued' ? nextTaskStatus(status, 'start') : nextTaskStatus(status, 'finish')));
  }

  /** Starts a task (queued → running); false when it is not startable (terminated meanwhile, or already running elsewhere). */
  start(taskId: string): Promise<boolean> {
    return this.tasks.updateStatus(taskId, 'running', ['requested', 'queued']);
  }

  /** A finished subtask goes back to the queue for a retry: its result reset, in the retry sequence `retry`. */
  async requeue(subtaskId: string, retry: number): Promise<void> {
    await this.tasks.updateResult(subtaskId, { ...EMPTY_RESULT }, retry);
    await this.tasks.updateStatus(subtaskId, 'queued', ['complete']);
  }

  /**
   * Moves the status by `next` until it has nowhere further to go, with compare and set: when
   * another writer changed it in between (a termination), it reads it again and goes on from there.
   */
  private async moveOn(taskId: string, next: (status: SiteTaskStatus) => SiteTaskStatus | undefined): Promise<void> {
    for (let moves = 0; moves < 8; moves++) {
      const current = await this.tasks.byId(taskId);
      if (current === null) return;
      const to = next(current.status as SiteTaskStatus);
      if (to === undefined || to === current.status) return;
      await this.tasks.updateStatus(taskId, to, [current.status]);
    }
  }
}
