import { describeTaskQueueConformance } from '../task-queue.conformance';
import { BullMqTaskQueue } from './bullmq-task-queue';
import { RedisUnavailableError } from './redis-unavailable.error';

// Medium test: the real local Redis, with a key prefix of its own per queue instance.
const redisUrl = process.env.SLIPWAY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describeTaskQueueConformance('bullmq', (store) => BullMqTaskQueue.connect({ url: redisUrl, prefix: `slipway-test-${store}` }), { sharedStore: true });

describe('BullMqTaskQueue.connect', () => {
  it('fails fast with the URL (password masked) when Redis is unreachable', async () => {
    const attempt = BullMqTaskQueue.connect({ url: 'redis://:hunter2@127.0.0.1:1/0' });
    await expect(attempt).rejects.toThrow(RedisUnavailableError);
    await expect(attempt).rejects.toThrow(/redis:\/\/:\*\*\*@127\.0\.0\.1:1\/0/);
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });
});
