import { FlowProducer, Job, JobsOptions, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { getLogger } from '@slipway/logging';
import { FailedChild, FlowJobSpec, FlowSpec, isRetryable, JobHandler, JobOptions, QueuedJob, QueueWorker, TaskQueue, WorkerOptions } from '../task-queue';
import { maskUrl } from '@slipway/config';
import { connectRedis, DEFAULT_REDIS_PREFIX } from '../redis/connect-redis';
import { RedisUnavailableError } from './redis-unavailable.error';

export interface BullMqTaskQueueOptions {
  url: string;
  /** Key prefix, so tests and several deployments can share one Redis. */
  prefix?: string;
  /**
   * Milliseconds a worker holds a job's lock between renewals (BullMQ renews at half of it). A
   * job whose worker died is taken up again by another worker once its lock expired, at the next
   * stalled-job check (`stalledIntervalMs`). Defaults: 15 s and 5 s.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/** Jobs kept once finished (by count), so that a job id stays an idempotency key for a while. */
const KEEP_COMPLETED = 1000;
const KEEP_FAILED = 5000;
/** A job whose worker dies this many times more is failed rather than run again. */
const MAX_STALLED = 5;

/** Cluster mode's queue: BullMQ on Redis. Processors stay adapters: the handler holds the logic. */
export class BullMqTaskQueue implements TaskQueue {
  private readonly log = getLogger('BullMqTaskQueue');
  private readonly queues = new Map<string, Queue>();
  private readonly workers = new Set<{ worker: Worker; close(): Promise<void> }>();
  private flows?: FlowProducer;
  private readonly prefix: string;

  private constructor(private readonly connection: Redis, private readonly options: BullMqTaskQueueOptions) {
    this.prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
  }

  /** Connects and fails fast, naming the URL without its password, when Redis is unreachable. */
  static async connect(options: BullMqTaskQueueOptions): Promise<BullMqTaskQueue> {
    return new BullMqTaskQueue(await connectRedis(options.url, getLogger('BullMqTaskQueue')), options);
  }

  async add<T>(queue: string, name: string, data: T, options: JobOptions = {}): Promise<string> {
    const job = await this.queue(queue).add(name, data, jobOptions(options));
    return job.id as string;
  }

  async addFlow<P>(flow: FlowSpec<P>): Promise<string> {
    if (flow.children.length === 0) throw new Error('a flow needs at least one child');
    this.flows ??= new FlowProducer({ connection: this.connection, prefix: this.prefix });
    // Exactly one of the two: BullMQ refuses both together.
    const onFailure: JobsOptions = flow.continueOnChildFailure ? { ignoreDependencyOnFailure: true } : { failParentOnFailure: true };
    const node = (spec: FlowJobSpec, extra: JobsOptions = {}) => ({ queueName: spec.queue, name: spec.name, data: spec.data, opts: { ...jobOptions(spec.options), ...extra } });
    const added = await this.flows.add({ ...node(flow.parent), children: flow.children.map((child) => node(child, onFailure)) });
    return added.job.id as string;
  }

  async process<T>(queue: string, handler: JobHandler<T>, options: WorkerOptions = {}): Promise<QueueWorker> {
    // The global limit is the queue's (its meta key in Redis), which every worker's next job checks.
    if (options.globalConcurrency === undefined) await this.queue(queue).removeGlobalConcurrency();
    else await this.queue(queue).setGlobalConcurrency(options.globalConcurrency);
    // BullMQ never closes a connection it was given, so each worker's own connection is closed here.
    const workerConnection = this.connection.duplicate();
    const worker = new Worker(
      queue,
      async (job) => {
        try {
          return await handler(await this.queuedJob<T>(job));
        } catch (error) {
          // A non-retryable domain error must not burn the remaining attempts.
          if (!isRetryable(error)) throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
          throw error;
        }
      },
      {
        connection: workerConnection,
        prefix: this.prefix,
        concurrency: options.concurrency ?? 1,
        lockDuration: this.options.lockDurationMs ?? 15_000,
        stalledInterval: this.options.stalledIntervalMs ?? 5_000,
        maxStalledCount: MAX_STALLED,
      },
    );
    worker.on('failed', (job, err) => this.log.warn({ queue, job: job?.id, err }, 'job failed'));
    worker.on('error', (err) => this.log.error({ queue, err }, 'worker error'));
    const entry = { worker, close: async () => {
      this.workers.delete(entry);
      await worker.close();
      workerConnection.disconnect();
    } };
    this.workers.add(entry);
    await worker.waitUntilReady();
    return { close: entry.close };
  }

  async ping(): Promise<void> {
    try {
      await this.connection.ping();
    } catch (error) {
      throw new RedisUnavailableError(maskUrl(this.options.url), error);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.flows?.close();
    this.connection.disconnect();
  }

  private async queuedJob<T>(job: Job): Promise<QueuedJob<T>> {
    return {
      id: job.id as string,
      name: job.name,
      data: job.data as T,
      attempt: job.attemptsMade + 1,
      attempts: job.opts.attempts ?? 1,
      failedChildren: this.failedChildrenOf(await job.getIgnoredChildrenFailures()),
    };
  }

  /** BullMQ names a failed child by its key, `<prefix>:<queue>:<id>` (queue names hold no colon). */
  private failedChildrenOf(failures: Record<string, string>): FailedChild[] {
    return Object.entries(failures).map(([key, reason]) => {
      const [queue, ...id] = key.slice(this.prefix.length + 1).split(':');
      return { queue, id: id.join(':'), reason };
    });
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }
}

function jobOptions(options: JobOptions): JobsOptions {
  return {
    jobId: options.jobId,
    attempts: options.attempts ?? 1,
    backoff: { type: 'exponential', delay: options.backoffMs ?? 1000 },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: KEEP_FAILED,
  };
}
