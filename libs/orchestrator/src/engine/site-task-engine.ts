import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { SiteTaskRepository } from '@slipway/db';
import { getLogger } from '@slipway/logging';
import { TASK_QUEUE } from '@slipway/runtime';
import type { QueueWorker, TaskQueue } from '@slipway/task-queue';
import { ENGINE_SETTINGS, type EngineSettings } from './engine-settings';
import { SITE_TASK_NODES_QUEUE, SITE_TASKS_QUEUE, type NodeJobData, type SiteTaskJobData } from './queue-names';
import { NodeJobProcessor, SiteTaskProcessor } from './site-task.processor';
import { SiteTaskQueueService } from './site-task-queue.service';

/** Top-level tasks a look queues at most (the oldest first); the next look takes the rest. */
const SWEEP_LIMIT = 500;
/** Site task jobs (start, finish) this process runs at once; they are short. */
const SITE_JOB_CONCURRENCY = 4;

/**
 * Starts the engine's workers with the application, and keeps tasks from being lost: at start it
 * queues every top-level task left queued, running or terminating (BullMQ still has their jobs,
 * and queuing them again is a no-op; the in-process queue lost them with the process), and every
 * poll interval those left queued (an API that stored a task and could not queue it).
 */
@Injectable()
export class SiteTaskEngine implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = getLogger('SiteTaskEngine');
  private readonly workers: QueueWorker[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly tasks: SiteTaskRepository,
    private readonly sites: SiteTaskProcessor,
    private readonly nodes: NodeJobProcessor,
    private readonly siteQueue: SiteTaskQueueService,
    @Inject(ENGINE_SETTINGS) private readonly settings: EngineSettings,
    @Optional() @Inject(TASK_QUEUE) private readonly queue?: TaskQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.queue === undefined) return;
    this.workers.push(await this.queue.process<SiteTaskJobData>(SITE_TASKS_QUEUE, (job) => this.sites.handle(job), { concurrency: SITE_JOB_CONCURRENCY }));
    // The limit holds over the cluster; one process may use all of it.
    const nodeJobs = { concurrency: this.settings.concurrency, globalConcurrency: this.settings.concurrency };
    this.workers.push(await this.queue.process<NodeJobData>(SITE_TASK_NODES_QUEUE, (job) => this.nodes.handle(job), nodeJobs));
    const resumed = await this.sweep(['queued', 'running', 'terminating']);
    this.log.info({ resumed, concurrency: this.settings.concurrency, rackConcurrency: this.settings.rackConcurrency }, 'site task engine started');
    this.timer = setInterval(() => void this.sweep(['queued']).catch((error: unknown) => this.log.warn({ err: error }, 'could not look for queued site tasks')), this.settings.pollIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
  }

  private async sweep(statuses: string[]): Promise<number> {
    const tasks = await this.tasks.list({ status: statuses, rootsOnly: true, order: 'oldest', limit: SWEEP_LIMIT });
    for (const task of tasks) await this.siteQueue.enqueue(task.id);
    return tasks.length;
  }
}
