import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { SlotsClosedError } from '@slipway/task-queue';
import { DEFAULT_ENGINE_SETTINGS, ENGINE_SETTINGS, type EngineSettings } from './engine-settings';
import { RackLimiter } from './rack-limiter';
import { RACK_SLOTS, type RackSlots } from './rack-slots.port';
import { openRackSlots, rackSlotsProvider } from './rack-slots.provider';

const redisUrl = process.env.SLIPWAY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('rack slots', () => {
  it('are in memory standalone', async () => {
    expect(await openRackSlots(DEFAULT_ENGINE_SETTINGS)).toBeInstanceOf(RackLimiter);
  });

  // Medium: the real local Redis, a prefix of its own.
  it("are in the task queue's Redis in a cluster, closed with the application", async () => {
    const settings: EngineSettings = { ...DEFAULT_ENGINE_SETTINGS, redis: { url: redisUrl, prefix: `slipway-test-${randomUUID()}` } };
    const moduleRef = await Test.createTestingModule({ providers: [{ provide: ENGINE_SETTINGS, useValue: settings }, rackSlotsProvider] }).compile();
    const slots = moduleRef.get<RackSlots>(RACK_SLOTS);
    try {
      expect(slots).not.toBeInstanceOf(RackLimiter);
      await expect(slots.run('rack01', async () => 'ran')).resolves.toBe('ran');
    } finally {
      await moduleRef.close();
    }
    await expect(slots.run('rack01', async () => 'ran')).rejects.toThrow(SlotsClosedError);
  });
});
