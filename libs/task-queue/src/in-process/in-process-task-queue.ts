import { getLogger } from '@slipway/logging';
import { backoffDelay, isRetryable, JobHandler, JobOptions, QueuedJob, QueueWorker, TaskQueue, WorkerOptions } from '../task-queue';

interface PendingJob extends QueuedJob {
  queue: string;
  attempts: number;
  backoffMs: number;
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
    const job: PendingJob = { id, name, data, attempt: 1, queue, attempts: options.attempts ?? 1, backoffMs: options.backoffMs ?? 1000 };
    this.enqueue(job);
    return id;
  }

  async process<T>(queue: string, handler: JobHandler<T>, options: WorkerOptions = {}): Promise<QueueWorker> {
    this.assertOpen();
    if (this.consumers.has(queue)) throw new Error(`queue ${queue} already has a worker in this process`);
    const consumer: Consumer = { handler: handler as JobHandler, concurrency: options.concurrency ?? 1, running: 0, closed: false };
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
    try {
      await consumer.handler({ id: job.id, name: job.name, data: job.data, attempt: job.attempt });
      this.activeIds.delete(job.id);
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
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.enqueue({ ...job, attempt: job.attempt + 1 });
    }, backoffDelay(job.backoffMs, job.attempt));
    this.timers.add(timer);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the task queue is closed');
  }
}
