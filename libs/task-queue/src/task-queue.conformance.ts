import { randomUUID } from 'node:crypto';
import { QueuedJob, TaskQueue } from './task-queue';

export interface ConformanceOptions {
  /** Queues created with the same store share it, as the processes of a cluster do (BullMQ: a Redis prefix). */
  sharedStore?: boolean;
}

/**
 * One behaviour for both queues: this suite runs against the in-process and the BullMQ adapter.
 * `create` opens a queue on `store`, a name fresh for each test.
 */
export function describeTaskQueueConformance(label: string, create: (store: string) => Promise<TaskQueue>, options: ConformanceOptions = {}): void {
  describe(`TaskQueue conformance: ${label}`, () => {
    let store: string;
    let queue: TaskQueue;
    let name: string;

    beforeEach(async () => {
      store = randomUUID();
      queue = await create(store);
      name = `q-${randomUUID()}`;
    });
    afterEach(async () => {
      await queue.close();
    });

    function collect(count: number): { seen: QueuedJob[]; done: Promise<void>; handler: (job: QueuedJob) => Promise<void> } {
      const seen: QueuedJob[] = [];
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      return {
        seen,
        done,
        handler: async (job) => {
          seen.push(job);
          if (seen.length === count) resolve();
        },
      };
    }

    it('delivers jobs added before and after the worker starts, with name and data', async () => {
      const { seen, done, handler } = collect(2);
      await queue.add(name, 'first', { n: 1 });
      await queue.process(name, handler);
      await queue.add(name, 'second', { n: 2 });
      await done;
      expect(seen.map((j) => [j.name, j.data]).sort()).toEqual([
        ['first', { n: 1 }],
        ['second', { n: 2 }],
      ]);
    });

    it('retries a failing job with back-off until it succeeds, counting attempts', async () => {
      const attempts: number[] = [];
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      await queue.process(name, async (job) => {
        attempts.push(job.attempt);
        if (job.attempt < 3) throw new Error('transient');
        resolve();
      });
      await queue.add(name, 'flaky', {}, { attempts: 3, backoffMs: 10 });
      await done;
      expect(attempts).toEqual([1, 2, 3]);
    });

    it('does not retry an error that says it is not retryable', async () => {
      const attempts: number[] = [];
      const nonRetryable = Object.assign(new Error('bad input'), { retryable: false });
      await queue.process(name, async (job) => {
        attempts.push(job.attempt);
        if (job.name === 'bad') throw nonRetryable;
      });
      await queue.add(name, 'bad', {}, { attempts: 5, backoffMs: 10 });
      // A later job on the same queue proves the bad one was finished with, not parked for retry.
      const { done, handler } = collect(1);
      const other = `q-${randomUUID()}`;
      await queue.process(other, handler);
      await new Promise((r) => setTimeout(r, 300));
      await queue.add(other, 'probe', {});
      await done;
      expect(attempts).toEqual([1]);
    });

    it('treats a job id as an idempotency key', async () => {
      const { seen, done, handler } = collect(1);
      const first = await queue.add(name, 'once', { v: 1 }, { jobId: 'same' });
      const second = await queue.add(name, 'once', { v: 2 }, { jobId: 'same' });
      expect(second).toBe(first);
      await queue.process(name, handler);
      await done;
      await new Promise((r) => setTimeout(r, 200));
      expect(seen.map((j) => j.data)).toEqual([{ v: 1 }]);
    });

    /** Handles `count` jobs of 50 ms each, telling the most that ran at once. */
    function measure(count: number): { done: Promise<void>; handler: (job: QueuedJob) => Promise<void>; peak: () => number } {
      const { done, handler } = collect(count);
      let running = 0;
      let peak = 0;
      return {
        done,
        peak: () => peak,
        handler: async (job) => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 50));
          running--;
          await handler(job);
        },
      };
    }

    it('runs jobs concurrently up to the worker concurrency', async () => {
      const { done, handler, peak } = measure(6);
      await queue.process(name, handler, { concurrency: 3 });
      for (let i = 0; i < 6; i++) await queue.add(name, `j${i}`, {});
      await done;
      expect(peak()).toBe(3);
    });

    it('holds the global concurrency over every worker of the queue, in every process sharing its store', async () => {
      // A second queue on the same store stands for a second process of the cluster.
      const peers = options.sharedStore ? [queue, await create(store)] : [queue];
      try {
        const { done, handler, peak } = measure(8);
        for (const peer of peers) await peer.process(name, handler, { concurrency: 3, globalConcurrency: 2 });
        for (let i = 0; i < 8; i++) await queue.add(name, `j${i}`, {});
        await done;
        expect(peak()).toBe(2);
      } finally {
        await Promise.all(peers.slice(1).map((peer) => peer.close()));
      }
    });

    describe('flows', () => {
      let children: string;
      beforeEach(() => {
        children = `q-${randomUUID()}`;
      });
      const spec = (queue: string, jobName: string, data: unknown, options: { attempts?: number; backoffMs?: number } = {}) => ({
        queue,
        name: jobName,
        data,
        options: { jobId: `${jobName}-${randomUUID()}`, ...options },
      });
      it('runs the parent once, after every child finished, each child with its data', async () => {
        const events: string[] = [];
        const parent = collect(1);
        await queue.process(children, async (job) => {
          await new Promise((r) => setTimeout(r, 20 * (job.data as { n: number }).n));
          events.push(`child ${(job.data as { n: number }).n}`);
        }, { concurrency: 3 });
        await queue.process(name, async (job) => {
          events.push('parent');
          await parent.handler(job);
        });
        const flow = { parent: spec(name, 'parent', { p: true }), children: [3, 1, 2].map((n) => spec(children, `child${n}`, { n })) };
        const parentId = await queue.addFlow(flow);
        expect(parentId).toBe(flow.parent.options.jobId);
        await parent.done;
        const job = parent.seen[0];
        await new Promise((r) => setTimeout(r, 100));
        expect(events).toEqual(['child 1', 'child 2', 'child 3', 'parent']);
        expect(job).toMatchObject({ id: parentId, name: 'parent', data: { p: true }, attempt: 1, failedChildren: [] });
        expect(parent.seen).toHaveLength(1);
      });

      it('retries a child within its attempts, and the parent sees no failure', async () => {
        const attempts: string[] = [];
        const parent = collect(1);
        await queue.process(children, async (job) => {
          attempts.push(`${job.attempt}/${job.attempts}`);
          if (job.attempt === 1) throw new Error('transient');
        });
        await queue.process(name, parent.handler);
        await queue.addFlow({ parent: spec(name, 'parent', {}), children: [spec(children, 'flaky', {}, { attempts: 2, backoffMs: 10 })], continueOnChildFailure: true });
        await parent.done;
        expect(parent.seen[0].failedChildren).toEqual([]);
        expect(attempts).toEqual(['1/2', '2/2']);
      });

      it('runs the parent when a child failed for good and the flow continues on child failure, naming that child', async () => {
        const parent = collect(1);
        const bad = spec(children, 'bad', { fail: true }, { attempts: 2, backoffMs: 10 });
        await queue.process(children, async (job) => {
          if ((job.data as { fail?: boolean }).fail) throw new Error('broken for good');
        }, { concurrency: 2 });
        await queue.process(name, parent.handler);
        await queue.addFlow({ parent: spec(name, 'parent', {}), children: [spec(children, 'good', {}), bad], continueOnChildFailure: true });
        await parent.done;
        const job = parent.seen[0];
        expect(job.failedChildren).toEqual([{ queue: children, id: bad.options.jobId, reason: 'broken for good' }]);
      });

      it('fails the parent without running it when a child fails and the flow does not continue on failure', async () => {
        const parent = collect(1);
        const { done, handler } = collect(2);
        await queue.process(children, async (job) => {
          await handler(job);
          if ((job.data as { fail?: boolean }).fail) throw Object.assign(new Error('fatal'), { retryable: false });
        });
        await queue.process(name, parent.handler);
        await queue.addFlow({ parent: spec(name, 'parent', {}), children: [spec(children, 'bad', { fail: true }), spec(children, 'good', {})] });
        await done;
        await new Promise((r) => setTimeout(r, 300));
        expect(parent.seen).toEqual([]);
      });

      it('treats the parent id as the idempotency key of the flow: adding it again while it runs is a no-op', async () => {
        const runs: string[] = [];
        const parent = collect(1);
        await queue.process(children, async (job) => {
          runs.push(job.id);
          await new Promise((r) => setTimeout(r, 100));
        }, { concurrency: 2 });
        await queue.process(name, async (job) => {
          runs.push(job.id);
          await parent.handler(job);
        });
        const flow = { parent: spec(name, 'parent', {}), children: [spec(children, 'a', {}), spec(children, 'b', {})], continueOnChildFailure: true };
        await queue.addFlow(flow);
        await new Promise((r) => setTimeout(r, 30));
        expect(await queue.addFlow(flow)).toBe(flow.parent.options.jobId);
        await parent.done;
        await new Promise((r) => setTimeout(r, 200));
        expect(runs.sort()).toEqual([flow.parent.options.jobId, ...flow.children.map((child) => child.options.jobId)].sort());
      });

      it('refuses a flow without children', async () => {
        await expect(queue.addFlow({ parent: spec(name, 'parent', {}), children: [] })).rejects.toThrow('at least one child');
      });
    });

    it('answers ping while open', async () => {
      await expect(queue.ping()).resolves.toBeUndefined();
    });
  });
}
