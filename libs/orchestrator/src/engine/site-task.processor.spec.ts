import { correlation } from '@slipway/logging';
import { isRetryable, type QueuedJob } from '@slipway/task-queue';
import { strictFake } from '@slipway/testing';
import type { NodeJobHandler } from './node-job.handler';
import type { SiteTaskHandler } from './site-task.handler';
import { NodeJobProcessor, SiteTaskProcessor } from './site-task.processor';

const TASK = '00000000-0000-4000-8000-0000000000aa';
const SUBTASK = '00000000-0000-4000-8000-0000000000bb';
const job = <T>(name: string, data: T, attempt = 1, attempts = 3): QueuedJob<T> => ({ id: `${name}-job`, name, data, attempt, attempts, failedChildren: [] });

describe('SiteTaskProcessor', () => {
  it('runs start and finish with the ids and the children that failed, in the correlation of the request', async () => {
    const calls: unknown[] = [];
    const sites = strictFake<SiteTaskHandler>('SiteTaskHandler', {
      start: async (...args: unknown[]) => void calls.push(['start', ...args, correlation.id()]),
      finish: async (...args: unknown[]) => void calls.push(['finish', ...args, correlation.id()]),
    });
    const processor = new SiteTaskProcessor(sites);
    await processor.handle(job('start', { taskId: TASK, correlationId: 'req-1' }));
    await processor.handle({ ...job('finish', { taskId: TASK, retry: 2 }), failedChildren: [{ queue: 'site-task-nodes', id: 'x', reason: 'r' }] });
    expect(calls).toEqual([
      ['start', TASK, 'req-1', 'req-1'],
      // A job queued by no request (the engine's own look for queued tasks) gets a correlation id of its task.
      ['finish', TASK, [{ queue: 'site-task-nodes', id: 'x', reason: 'r' }], undefined, 2, `site-task-${TASK}`],
    ]);
  });

  it('fails the task when its job fails its last attempt, and leaves it to the queue before', async () => {
    const abandoned: string[] = [];
    const sites = strictFake<SiteTaskHandler>('SiteTaskHandler', {
      start: async () => Promise.reject(new Error('database unreachable')),
      abandon: async (taskId: string, reason: string) => void abandoned.push(`${taskId}: ${reason}`),
    });
    const processor = new SiteTaskProcessor(sites);
    await expect(processor.handle(job('start', { taskId: TASK }, 1, 3))).rejects.toThrow('database unreachable');
    expect(abandoned).toEqual([]);
    await expect(processor.handle(job('start', { taskId: TASK }, 3, 3))).rejects.toThrow('database unreachable');
    expect(abandoned).toEqual([`${TASK}: database unreachable`]);
  });

  it('refuses a malformed job without retrying it', async () => {
    const processor = new SiteTaskProcessor(strictFake<SiteTaskHandler>('SiteTaskHandler', {}));
    const error = await processor.handle(job('start', { taskId: 'not-a-uuid' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: expect.stringContaining('Malformed site task job: taskId') });
    expect(isRetryable(error)).toBe(false);
  });
});

describe('NodeJobProcessor', () => {
  it('hands the queue a retryable error when the node job should run again, and says which attempt is the last', async () => {
    const lastAttempts: boolean[] = [];
    const nodes = strictFake<NodeJobHandler>('NodeJobHandler', {
      run: async (subtaskId: string, lastAttempt: boolean) => {
        lastAttempts.push(lastAttempt);
        expect(subtaskId).toBe(SUBTASK);
        return lastAttempt ? { kind: 'finished' } : { kind: 'retry', reason: 'node locked' };
      },
    });
    const processor = new NodeJobProcessor(nodes);
    const error = await processor.handle(job('node', { taskId: TASK, subtaskId: SUBTASK }, 1, 2)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NodeJobRetryError', message: expect.stringContaining('node locked') });
    expect(isRetryable(error)).toBe(true);
    await expect(processor.handle(job('node', { taskId: TASK, subtaskId: SUBTASK }, 2, 2))).resolves.toBeUndefined();
    expect(lastAttempts).toEqual([false, true]);
  });
});
