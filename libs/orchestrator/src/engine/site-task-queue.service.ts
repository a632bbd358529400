import { Inject, Injectable, Optional } from '@nestjs/common';
import { SiteTaskRepository } from '@slipway/db';
import { correlation } from '@slipway/logging';
import { TASK_QUEUE } from '@slipway/runtime';
import { STATUS_AFTER_TERMINATE } from '@slipway/site';
import type { TaskQueue } from '@slipway/task-queue';
import type { SiteTaskQueue } from '../tasks/site-task-queue.port';
import { ENGINE_SETTINGS, type EngineSettings } from './engine-settings';
import { SITE_TASK_JOBS, SITE_TASKS_QUEUE, siteTaskJobIds, type SiteTaskJobData } from './queue-names';
import { SiteTaskRecords } from './site-task-records';

/** The engine's side of the SITE_TASK_QUEUE port: a `start` job per task (its id is the key), termination in the task records. */
@Injectable()
export class SiteTaskQueueService implements SiteTaskQueue {
  constructor(
    private readonly tasks: SiteTaskRepository,
    private readonly records: SiteTaskRecords,
    @Inject(ENGINE_SETTINGS) private readonly settings: EngineSettings,
    @Optional() @Inject(TASK_QUEUE) private readonly taskQueue?: TaskQueue,
  ) {}

  async enqueue(taskId: string): Promise<void> {
    const data: SiteTaskJobData = { taskId, correlationId: correlation.id() };
    await this.queue().add(SITE_TASKS_QUEUE, SITE_TASK_JOBS.start, data, { jobId: siteTaskJobIds.start(taskId), attempts: this.settings.jobAttempts, backoffMs: this.settings.jobBackoffMs });
  }

  /**
   * Marks the task and its subtasks for termination (kept as it is when the API marked them
   * already, with who asked): a queued task is terminated at once; a running one is terminating,
   * its node jobs stop before their next step and its last job ends it terminated.
   */
  async terminate(taskId: string): Promise<void> {
    await this.tasks.terminateTree(taskId, { at: this.records.now(), by: null, statusAfter: STATUS_AFTER_TERMINATE });
  }

  private queue(): TaskQueue {
    if (this.taskQueue === undefined) throw new Error('this process has no task queue');
    return this.taskQueue;
  }
}
