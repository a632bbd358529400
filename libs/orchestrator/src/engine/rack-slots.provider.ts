import type { FactoryProvider, OnApplicationShutdown } from '@nestjs/common';
import { RedisSlots } from '@slipway/task-queue';
import { ENGINE_SETTINGS, type EngineSettings } from './engine-settings';
import { RackLimiter } from './rack-limiter';
import { RACK_SLOTS, type RackSlots } from './rack-slots.port';

/** Rack slots kept in Redis, closed with the application once the work holding them ended. */
class ClusterRackSlots implements RackSlots, OnApplicationShutdown {
  constructor(private readonly slots: RedisSlots) {}

  run<T>(rack: string, work: () => Promise<T>): Promise<T> {
    return this.slots.run(rack, work);
  }

  onApplicationShutdown(): Promise<void> {
    return this.slots.close();
  }
}

/** The rack slots that go with the task queue: in Redis under its prefix in a cluster (a Redis URL), in memory standalone. */
export async function openRackSlots(settings: EngineSettings): Promise<RackSlots> {
  if (settings.redis === undefined) return new RackLimiter(settings.rackConcurrency);
  return new ClusterRackSlots(await RedisSlots.connect({ ...settings.redis, name: 'racks', limit: settings.rackConcurrency }));
}

export const rackSlotsProvider: FactoryProvider<RackSlots> = { provide: RACK_SLOTS, inject: [ENGINE_SETTINGS], useFactory: openRackSlots };
