import { getLogger } from '@slipway/logging';
import { backoffDelay, FailedChild, FlowJobSpec, FlowSpec, isRetryable, JobHandler, JobOptions, QueuedJob, QueueWorker, TaskQueue, WorkerOptions } from '../task-queue';

/** A flow parent waiting for its children. */
interface WaitingParent {
  job: PendingJob;
  pending: Set<string>;
  failed: FailedChild[];
  continueOnChildFailure: boolean;
}

interface PendingJob {
  id: string;
  name: string;
  data: unknown;
  attempt: number;
  queue: string;
  attempts: number;
  backoffMs: number;
  /** Set on the children of a flow. */
  parent?: WaitingParent;
  /** Set on a flow's parent when it runs. */
  failedChildren: FailedChild[];
}

interface Consumer {
  handler: JobHandler;
  concurrency: number;
  running: number;
  closed: boolean;
}

/**
 * Standalone mode's queue: jobs live in memory and run in this process. Durability comes from
 * the orchestrator's task records in Postgres, which are re-queued at start, not from the queue.
 */
export class InProcessTaskQueue implements TaskQueue {
  private readonly log = getLogger('InProcessTaskQueue');
  private readonly waiting = new Map<string, PendingJob[]>();
  private readonly consumers = new Map<string, Consumer>();
  private readonly activeIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private sequence = 0;
  private closed = false;

  async add<T>(queue: string, name: string, data: T, options: JobOptions = {}): Promise<string> {
    this.assertOpen();
    const id = options.jobId ?? `${queue}:${++this.sequence}`;
    if (this.activeIds.has(id)) return id;
    this.activeIds.add(id);
    this.enqueue(this.pendingJob(queue, name, data, id, options));
    return id;
  }

  async addFlow<P>(flow: FlowSpec<P>): Promise<string> {
    this.assertOpen();
    if (flow.children.length === 0) throw new Error('a flow needs at least one child');
    const parentId = flow.parent.options.jobId;
    if (this.activeIds.has(parentId)) return parentId;
    // Children already queued or running (by id) belong to another flow: they neither run again nor hold this parent.
    const children = flow.children.filter((child) => !this.activeIds.has(child.options.jobId));
    const parent: WaitingParent = {
      job: this.pendingJob(flow.parent.queue, flow.parent.name, flow.parent.data, parentId, flow.parent.options),
      pending: new Set(children.map((child) => child.options.jobId)),
      failed: [],
      continueOnChildFailure: flow.continueOnChildFailure ?? false,
    };
    this.activeIds.add(parentId);
    for (const child of children) this.activeIds.add(child.options.jobId);
    for (const child of children) this.enqueue({ ...this.specJob(child), parent });
    if (parent.pending.size === 0) this.enqueue(parent.job);
    return parentId;
  }

  async process<T>(queue: string, handler: JobHandler<T>, options: WorkerOptions = {}): Promise<QueueWorker> {
    this.assertOpen();
    if (this.consumers.has(queue)) throw new Error(`queue ${queue} already has a worker in this process`);
    // One process holds every worker of the queue: its global limit is just another bound.
    const concurrency = Math.min(options.concurrency ?? 1, options.globalConcurrency ?? Infinity);
    const consumer: Consumer = { handler: handler as JobHandler, concurrency, running: 0, closed: false };
    this.consumers.set(queue, consumer);
    this.drain(queue);
    return {
      close: async () => {
        consumer.closed = true;
        this.consumers.delete(queue);
      },
    };
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.consumers.clear();
  }

  private pendingJob(queue: string, name: string, data: unknown, id: string, options: JobOptions): PendingJob {
    return { id, name, data, attempt: 1, queue, attempts: options.attempts ?? 1, backoffMs: options.backoffMs ?? 1000, failedChildren: [] };
  }

  private specJob(spec: FlowJobSpec): PendingJob {
    return this.pendingJob(spec.queue, spec.name, spec.data, spec.options.jobId, spec.options);
  }

  private enqueue(job: PendingJob): void {
    const list = this.waiting.get(job.queue) ?? [];
    list.push(job);
    this.waiting.set(job.queue, list);
    this.drain(job.queue);
  }

  private drain(queue: string): void {
    const consumer = this.consumers.get(queue);
    const list = this.waiting.get(queue);
    while (consumer && !consumer.closed && list?.length && consumer.running < consumer.concurrency) {
      const job = list.shift() as PendingJob;
      consumer.running++;
      // Run on a later tick so `add` never runs a handler inside the caller's stack.
      setImmediate(() => void this.run(job, consumer));
    }
  }

  private async run(job: PendingJob, consumer: Consumer): Promise<void> {
    const queued: QueuedJob = { id: job.id, name: job.name, data: job.data, attempt: job.attempt, attempts: job.attempts, failedChildren: [...job.failedChildren] };
    try {
      await consumer.handler(queued);
      this.activeIds.delete(job.id);
      this.childFinished(job);
    } catch (error) {
      this.retryOrDrop(job, error);
    } finally {
      consumer.running--;
      this.drain(job.queue);
    }
  }

  private retryOrDrop(job: PendingJob, error: unknown): void {
    if (this.closed || job.attempt >= job.attempts || !isRetryable(error)) {
      this.activeIds.delete(job.id);
      this.log.warn({ queue: job.queue, job: job.id, attempt: job.attempt, err: error }, 'job failed');
      this.childFinished(job, error instanceof Error ? error.message : String(error));
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.enqueue({ ...job, attempt: job.attempt + 1 });
    }, backoffDelay(job.backoffMs, job.attempt));
    this.timers.add(timer);
  }

  /** A child is done with (completed, or failed after its attempts when `failure` is given): its parent may run. */
  private childFinished(job: PendingJob, failure?: string): void {
    const parent = job.parent;
    if (parent === undefined || !parent.pending.delete(job.id) || this.closed) return;
    if (failure !== undefined) {
      if (!parent.continueOnChildFailure) {
        // BullMQ's failParentOnFailure: the parent fails without running.
        this.activeIds.delete(parent.job.id);
        parent.pending.clear();
        this.log.warn({ queue: parent.job.queue, job: parent.job.id, child: job.id }, 'flow parent failed: a child failed');
        return;
      }
      parent.failed.push({ queue: job.queue, id: job.id, reason: failure });
    }
    if (parent.pending.size === 0 && this.activeIds.has(parent.job.id)) this.enqueue({ ...parent.job, failedChildren: parent.failed });
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the task queue is closed');
  }
}
