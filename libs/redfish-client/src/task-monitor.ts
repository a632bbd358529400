import type { RedfishConnection, RedfishResponse } from './redfish-connection';
import { RedfishError, RedfishTaskError, RedfishTimeoutError } from './redfish-errors';
import { Task } from './resources/task/task';
import { retryAfterMs } from './retry-policy';

/** How long to wait between polls when the BMC gives no Retry-After (Redfish suggests 1 s). */
export const DEFAULT_POLL_INTERVAL_MS = 1000;

/** One look at a task monitor. */
export interface TaskPoll {
  /** False while the BMC answers 202 (or shows the task in a non-final state). */
  readonly done: boolean;
  /** When to look again (Retry-After, else 1 s). */
  readonly retryAfterMs: number;
  /** The task as last seen: from the body when it is one; when done, always set (see `poll`). */
  readonly task: Task | undefined;
}

export interface TaskWaitOptions {
  /** Give up (RedfishTimeoutError) after this long; the BMC may still finish the work. */
  timeoutMs: number;
  /** How to wait between polls; tests pass a recorder. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock the timeout is measured with; tests pass a fake one. */
  now?: () => number;
}

/**
 * A Redfish task monitor: the URI a write answered 202 with. GET on it answers 202 while the work
 * runs, and something else once it is done (the Task, or the operation's own result).
 */
export class TaskMonitor {
  private lastTask?: Task;

  constructor(
    readonly connection: RedfishConnection,
    /** The monitor's path (from Location, or the 202 body's `@odata.id`). */
    readonly path: string,
    /** The first Retry-After, from the 202 that started the work. */
    readonly initialRetryAfterMs = DEFAULT_POLL_INTERVAL_MS,
  ) {}

  /**
   * The monitor for a write's answer, or undefined when the answer is not 202. The body's
   * `@odata.id` wins over Location: BMCs that answer with the Task put its URI there.
   */
  static fromResponse(connection: RedfishConnection, response: RedfishResponse<unknown>): TaskMonitor | undefined {
    if (response.status !== 202) return undefined;
    const body = response.body as { '@odata.id'?: unknown } | null;
    const location = typeof body?.['@odata.id'] === 'string' ? body['@odata.id'] : response.headers['location'];
    if (!location) throw new RedfishError('The BMC accepted the request (202) but named no task monitor (no Location, no @odata.id).', connection.url(''));
    return new TaskMonitor(connection, pathOfLocation(location), pollInterval(response));
  }

  /**
   * Looks once. Done means: not 202, and not a task in a non-final state (some BMCs point the
   * monitor at the Task itself, which answers 200 while running). When done, `task` is the Task
   * from the body, else the last Task seen while polling (read again), else a Completed/OK task
   * standing for the operation's success answer (a 200/204 without a Task).
   */
  async poll(): Promise<TaskPoll> {
    const response = await this.connection.get<unknown>(this.path);
    const task = isTask(response.body) ? new Task({ connection: this.connection, path: this.path, response }) : undefined;
    if (task) this.lastTask = task;
    const done = response.status !== 202 && !(task && !task.finished);
    if (!done) return { done, retryAfterMs: pollInterval(response), task };
    return { done, retryAfterMs: 0, task: task ?? (await this.finalTask(response)) };
  }

  /**
   * Polls until done, honouring Retry-After, and resolves to the final Task when it succeeded
   * (Completed, status OK or Warning); else RedfishTaskError with the task's messages, or
   * RedfishTimeoutError after `timeoutMs`.
   */
  async wait(options: TaskWaitOptions): Promise<Task> {
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const now = options.now ?? Date.now;
    const deadline = now() + options.timeoutMs;
    for (;;) {
      const result = await this.poll();
      if (result.done) {
        const task = result.task as Task;
        if (!task.succeeded) throw new RedfishTaskError(this.connection.url(task.path), task.taskState, task.taskStatus, task.messages);
        return task;
      }
      const remaining = deadline - now();
      if (remaining <= 0) throw new RedfishTimeoutError(this.connection.url(this.path), options.timeoutMs);
      await sleep(Math.min(result.retryAfterMs, remaining));
    }
  }

  private async finalTask(response: RedfishResponse<unknown>): Promise<Task> {
    // The monitor was a TaskMonitor URI that now answers with the operation's result: the Task
    // we saw while polling has the outcome, if it lives elsewhere.
    const seen = this.lastTask?.odataId;
    if (seen && seen !== this.path) {
      const again = await this.connection.get<unknown>(seen);
      if (isTask(again.body)) return new Task({ connection: this.connection, path: seen, response: again });
    }
    const body = { '@odata.id': this.path, TaskState: 'Completed', TaskStatus: 'OK', Messages: [] };
    return new Task({ connection: this.connection, path: this.path, response: { ...response, body } });
  }
}

function isTask(body: unknown): boolean {
  return typeof body === 'object' && body !== null && typeof (body as Record<string, unknown>)['TaskState'] === 'string';
}

function pollInterval(response: RedfishResponse<unknown>): number {
  const header = response.headers['retry-after'];
  return (header ? retryAfterMs(header) : undefined) ?? DEFAULT_POLL_INTERVAL_MS;
}

/** A Location may be a full URL; the connection wants the path on the BMC. */
export function pathOfLocation(location: string): string {
  if (!/^https?:\/\//i.test(location)) return location;
  const url = new URL(location);
  return `${url.pathname}${url.search}`;
}
