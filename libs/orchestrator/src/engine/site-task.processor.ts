import { Injectable } from '@nestjs/common';
import { correlation } from '@slipway/logging';
import type { QueuedJob } from '@slipway/task-queue';
import { NodeJobHandler } from './node-job.handler';
import { NodeJobRetryError } from './node-job-retry.error';
import { readNodeJob, readSiteTaskJob, SITE_TASK_JOBS, type NodeJobData, type SiteTaskJobData } from './queue-names';
import { SiteTaskHandler } from './site-task.handler';

/**
 * The queue's adapters (L10): take the ids from the job, run the use-case in the correlation
 * context of the request that queued the task, map the outcome to what the queue understands.
 */
@Injectable()
export class SiteTaskProcessor {
  constructor(private readonly sites: SiteTaskHandler) {}

  /** `start` and `finish` jobs of the site task queue. A job failing its last attempt fails its task, which would otherwise stay running. */
  async handle(job: QueuedJob<SiteTaskJobData>): Promise<void> {
    const { taskId, correlationId, retry } = readSiteTaskJob(job.data);
    return correlation.run(correlationId ?? `site-task-${taskId}`, async () => {
      try {
        if (job.name === SITE_TASK_JOBS.finish) await this.sites.finish(taskId, job.failedChildren, correlationId, retry);
        else await this.sites.start(taskId, correlationId);
      } catch (error) {
        if (job.attempt >= job.attempts) await this.sites.abandon(taskId, error instanceof Error ? error.message : String(error));
        throw error;
      }
    });
  }
}

@Injectable()
export class NodeJobProcessor {
  constructor(private readonly nodes: NodeJobHandler) {}

  /** A node job; a transient failure goes back to the queue, which runs the job again after its back-off. */
  async handle(job: QueuedJob<NodeJobData>): Promise<void> {
    const { taskId, subtaskId, correlationId } = readNodeJob(job.data);
    return correlation.run(correlationId ?? `site-task-${taskId}`, async () => {
      const outcome = await this.nodes.run(subtaskId, job.attempt >= job.attempts);
      if (outcome.kind === 'retry') throw new NodeJobRetryError(subtaskId, outcome.reason);
    });
  }
}
