// The TaskQueue port: how the orchestrator runs background jobs. Standalone mode uses the
// in-process executor; cluster mode uses BullMQ on Redis. Both honour the same contract, and the
// orchestrator only ever sees this interface (bullmq stays inside this lib).

export interface JobOptions {
  /** Idempotency key: adding a job whose id is already queued or running is a no-op. */
  jobId?: string;
  /** Total attempts including the first (default 1). */
  attempts?: number;
  /** Exponential back-off base between attempts, in milliseconds (default 1000). */
  backoffMs?: number;
}

export interface QueuedJob<T = unknown> {
  id: string;
  name: string;
  data: T;
  /** 1 for the first run, 2 for the first retry, ... */
  attempt: number;
  /** The attempts the job has in all (JobOptions.attempts), so a handler knows its last one. */
  attempts: number;
  /**
   * On the parent of a flow: the children that failed after all their attempts (only a flow that
   * continues on child failure runs its parent then), with the error message of each. Else empty.
   */
  failedChildren: FailedChild[];
}

export interface FailedChild {
  queue: string;
  id: string;
  reason: string;
}

/** A job of a flow: a child, or the parent. */
export interface FlowJobSpec<T = unknown> {
  queue: string;
  name: string;
  data: T;
  /** jobId is required in a flow: the parent learns about its children by id. */
  options: JobOptions & { jobId: string };
}

/**
 * A parent job with children: the children run (in their queues, with their own attempts) and
 * the parent runs once every child has finished. A child that fails after its attempts fails the
 * parent, which then never runs, unless `continueOnChildFailure` is set: then the parent runs
 * when the last child finished, and `failedChildren` tells it which failed.
 */
export interface FlowSpec<P = unknown> {
  parent: FlowJobSpec<P>;
  children: FlowJobSpec[];
  continueOnChildFailure?: boolean;
}

export type JobHandler<T = unknown> = (job: QueuedJob<T>) => Promise<unknown>;

export interface WorkerOptions {
  /** Jobs of the queue this worker runs at once (default 1). */
  concurrency?: number;
  /**
   * Jobs of the queue that run at once over every worker of every process sharing the queue's
   * store: the limit of a cluster, which no worker's `concurrency` raises. It belongs to the
   * queue, so the worker started last sets it for all; unset, a limit set before is lifted.
   */
  globalConcurrency?: number;
}

export interface QueueWorker {
  close(): Promise<void>;
}

export interface TaskQueue {
  /** Queue a job and return its id. */
  add<T>(queue: string, name: string, data: T, options?: JobOptions): Promise<string>;
  /**
   * Queue a flow atomically: its children at once, its parent once they finished. Returns the
   * parent's id. A flow without children is refused (queue the parent with `add`).
   */
  addFlow<P>(flow: FlowSpec<P>): Promise<string>;
  /** Run `handler` for every job of `queue`. A handler that throws a non-retryable error is not retried. */
  process<T>(queue: string, handler: JobHandler<T>, options?: WorkerOptions): Promise<QueueWorker>;
  /** Readiness: the backing store is reachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Domain errors say whether retrying can help; anything else is retried within its attempts. */
export function isRetryable(error: unknown): boolean {
  const flag = (error as { retryable?: unknown } | null)?.retryable;
  return typeof flag === 'boolean' ? flag : true;
}

export function backoffDelay(baseMs: number, attempt: number): number {
  return baseMs * 2 ** Math.max(0, attempt - 1);
}
