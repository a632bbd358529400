// The queues and job names of the site task engine, spelled once, and what their jobs carry.
import { z } from 'zod';
import { InvalidParameterValueError } from '@slipway/errors';

/** Site tasks: `start` (load the design, plan, queue a flow of node jobs) and `finish` (the flow's parent). */
export const SITE_TASKS_QUEUE = 'site-tasks';
/** One job per node of a site task: it runs the node's steps not yet done. */
export const SITE_TASK_NODES_QUEUE = 'site-task-nodes';

export const SITE_TASK_JOBS = {
  start: 'start',
  finish: 'finish',
  node: 'node',
} as const;

/** Job ids are idempotency keys (BullMQ forbids colons in them). */
export const siteTaskJobIds = {
  start: (taskId: string) => `${taskId}.start`,
  finish: (taskId: string, retry: number) => `${taskId}.finish.${retry}`,
  node: (subtaskId: string, retry: number) => `${subtaskId}.node.${retry}`,
};

/**
 * What each job carries: ids only, and the correlation id of the request that queued the task;
 * on `finish`, the retry sequence whose node jobs it follows.
 */
const siteTaskJobData = z.object({ taskId: z.guid(), correlationId: z.string().optional(), retry: z.number().int().min(0).optional() });
const nodeJobData = siteTaskJobData.extend({ subtaskId: z.guid() });

export type SiteTaskJobData = z.infer<typeof siteTaskJobData>;
export type NodeJobData = z.infer<typeof nodeJobData>;

/** A job's data checked (a job is an input like any other); a malformed one is not retried. */
export function readSiteTaskJob(data: unknown): SiteTaskJobData {
  return readJob(siteTaskJobData, data);
}

export function readNodeJob(data: unknown): NodeJobData {
  return readJob(nodeJobData, data);
}

function readJob<T>(schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new InvalidParameterValueError(`Malformed site task job: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'data'}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}
