/**
 * How the orchestrator's API hands a stored site task to the engine that runs it. The API
 * inserts the task (status `queued`) and calls `enqueue`; the engine (BullMQ flows in a cluster,
 * the in-process queue in standalone mode) runs it and records status, results and steps in the
 * database, where the API reads them back. Enqueueing a task twice runs it once.
 */
export interface SiteTaskQueue {
  enqueue(taskId: string): Promise<void>;
  /** Asks a running task to stop: it ends `terminated` after the step in progress. */
  terminate(taskId: string): Promise<void>;
}

export const SITE_TASK_QUEUE = Symbol('SITE_TASK_QUEUE');
