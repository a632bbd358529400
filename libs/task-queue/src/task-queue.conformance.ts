import { randomUUID } from 'node:crypto';
import { QueuedJob, TaskQueue } from './task-queue';

/** One behaviour for both queues: this suite runs against the in-process and the BullMQ adapter. */
export function describeTaskQueueConformance(label: string, create: () => Promise<TaskQueue>): void {
  describe(`TaskQueue conformance: ${label}`, () => {
    let queue: TaskQueue;
    let name: string;

    beforeEach(async () => {
      queue = await create();
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

    it('runs jobs concurrently up to the worker concurrency', async () => {
      let running = 0;
      let peak = 0;
      const { done, handler } = collect(6);
      await queue.process(
        name,
        async (job) => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 50));
          running--;
          await handler(job);
        },
        { concurrency: 3 },
      );
      for (let i = 0; i < 6; i++) await queue.add(name, `j${i}`, {});
      await done;
      expect(peak).toBe(3);
    });

    it('answers ping while open', async () => {
      await expect(queue.ping()).resolves.toBeUndefined();
    });
  });
}
