import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { getLogger } from '@slipway/logging';
import { connectRedis, DEFAULT_REDIS_PREFIX } from './connect-redis';
import { SlotsClosedError } from './slots-closed.error';

export interface RedisSlotsOptions {
  /** What the slots are of (`racks`); their keys are `<prefix>:slots:<name>:<key>:…`. */
  name: string;
  /** Holders of one key at once, over every process on the same Redis and prefix. */
  limit: number;
  /** Key prefix (SLIPWAY_REDIS_PREFIX), the task queue's; `slipway` when unset. */
  prefix?: string;
  /**
   * Milliseconds a holder's lease lasts unless renewed; the holder renews it every third of that
   * while its work runs, so the slot of a process that died comes back after at most this long.
   * Default 30 s.
   */
  leaseMs?: number;
  /**
   * A waiter's pause between two tries: the first, doubling up to the last (defaults 50 ms and
   * 1 s). A waiter keeps its place in line for three of the longest pauses without a try.
   */
  minPollMs?: number;
  maxPollMs?: number;
}

export interface SlotTimings {
  leaseMs: number;
  renewMs: number;
  minPollMs: number;
  maxPollMs: number;
  /** How long a waiter's place in line lasts after its last try. */
  placeMs: number;
}

/** The timings of `options`, with their defaults. */
export function slotTimings(options: Pick<RedisSlotsOptions, 'leaseMs' | 'minPollMs' | 'maxPollMs'>): SlotTimings {
  const leaseMs = options.leaseMs ?? 30_000;
  const maxPollMs = options.maxPollMs ?? 1000;
  const minPollMs = Math.min(options.minPollMs ?? 50, maxPollMs);
  for (const [label, value] of Object.entries({ leaseMs, minPollMs })) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${label} must be a positive integer, got ${value}`);
  }
  return { leaseMs, renewMs: Math.ceil(leaseMs / 3), minPollMs, maxPollMs, placeMs: 3 * maxPollMs };
}

export interface SlotKeys {
  /** Holder → end of its lease (ms, Redis clock). */
  holders: string;
  /** Waiter → when it first asked: the order of the line. */
  line: string;
  /** Waiter → end of its place in line. */
  seen: string;
}

export function slotKeys(prefix: string, name: string, key: string): SlotKeys {
  const base = `${prefix}:slots:${name}:${key}`;
  return { holders: `${base}:holders`, line: `${base}:line`, seen: `${base}:seen` };
}

// Times are the Redis server's, in milliseconds, so that the processes' clocks do not matter; a
// key lives as long as the last lease or place it holds.
const PRELUDE = `
local function clock()
  local time = redis.call('TIME')
  return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local function keepUntilLast(key, ends)
  local last = redis.call('ZRANGE', ends, -1, -1, 'WITHSCORES')
  if last[2] then redis.call('PEXPIREAT', key, last[2]) end
end
`;

/**
 * Gives ARGV[1] a slot (returns 1), or keeps its place in line (returns 0): at most ARGV[2]
 * holders at once, served in the order they first asked. ARGV[3]: the lease, ARGV[4]: the place,
 * in ms. Leases and places not renewed in time (their process died) are dropped first.
 */
const TAKE = `${PRELUDE}
local holders, line, seen = KEYS[1], KEYS[2], KEYS[3]
local holder, limit, lease, place = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local now = clock()
redis.call('ZREMRANGEBYSCORE', holders, '-inf', now)
for _, gone in ipairs(redis.call('ZRANGEBYSCORE', seen, '-inf', now)) do redis.call('ZREM', line, gone) end
redis.call('ZREMRANGEBYSCORE', seen, '-inf', now)
redis.call('ZADD', line, 'NX', now, holder)
if redis.call('ZRANK', line, holder) < limit - redis.call('ZCARD', holders) then
  redis.call('ZREM', line, holder)
  redis.call('ZREM', seen, holder)
  redis.call('ZADD', holders, now + lease, holder)
  keepUntilLast(holders, holders)
  return 1
end
redis.call('ZADD', seen, now + place, holder)
keepUntilLast(seen, seen)
keepUntilLast(line, seen)
return 0
`;

/** Extends the lease of ARGV[1] by ARGV[2] ms; returns 0 when it had run out (the slot may be another's now). */
const RENEW = `${PRELUDE}
local holders, holder, lease = KEYS[1], ARGV[1], tonumber(ARGV[2])
local now = clock()
local ends = redis.call('ZSCORE', holders, holder)
if not ends or tonumber(ends) <= now then return 0 end
redis.call('ZADD', holders, now + lease, holder)
keepUntilLast(holders, holders)
return 1
`;

/** The scripts as ioredis adds them to the connection (EVALSHA, loading them when Redis lacks them). */
interface SlotScripts {
  takeSlot(holders: string, line: string, seen: string, holder: string, limit: number, leaseMs: number, placeMs: number): Promise<number>;
  renewSlot(holders: string, holder: string, leaseMs: number): Promise<number>;
}

interface Lease {
  key: string;
  keys: SlotKeys;
  holder: string;
  timer?: NodeJS.Timeout;
  renewing: boolean;
  released: boolean;
}

/**
 * At most `limit` pieces of work of one key at once over every process sharing a Redis: the
 * cluster's counterpart of an in-memory semaphore. A holder has a lease it renews while its work
 * runs, so the slots of a process that died come back when their leases run out; waiters try
 * again with a bounded back-off (at once when this process gives a slot of their key back) and
 * are served first come, first served.
 */
export class RedisSlots {
  private readonly log = getLogger('RedisSlots');
  private readonly scripts: SlotScripts;
  private readonly timings: SlotTimings;
  private readonly prefix: string;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly sleepers = new Set<{ key: string; wake: () => void }>();
  private closed = false;

  /** Takes over `connection` (closed with the slots). */
  constructor(private readonly connection: Redis, private readonly options: RedisSlotsOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError(`limit must be a positive integer, got ${options.limit}`);
    this.timings = slotTimings(options);
    this.prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
    connection.defineCommand('takeSlot', { numberOfKeys: 3, lua: TAKE });
    connection.defineCommand('renewSlot', { numberOfKeys: 1, lua: RENEW });
    this.scripts = connection as unknown as SlotScripts;
  }

  /** Connects and fails fast, naming the URL without its password, when Redis is unreachable. */
  static async connect(options: RedisSlotsOptions & { url: string }): Promise<RedisSlots> {
    return new RedisSlots(await connectRedis(options.url, getLogger('RedisSlots')), options);
  }

  /** Runs `work` holding a slot of `key`, once one is free. Once closed, rejects without running it (SlotsClosedError). */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new SlotsClosedError(this.options.name));
    const running = this.hold(key, work);
    this.inFlight.add(running);
    const settled = () => void this.inFlight.delete(running);
    running.then(settled, settled);
    return running;
  }

  /**
   * Takes no more slots: the waiters give up (their `run` rejects) and the holders keep theirs
   * until their work ends. Resolves once it did, the slots given back and the connection closed.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const sleeper of this.sleepers) sleeper.wake();
    await Promise.allSettled(this.inFlight);
    this.connection.disconnect();
  }

  private async hold<T>(key: string, work: () => Promise<T>): Promise<T> {
    const lease = await this.acquire(key);
    try {
      return await work();
    } finally {
      await this.release(lease);
    }
  }

  private async acquire(key: string): Promise<Lease> {
    const lease: Lease = { key, keys: slotKeys(this.prefix, this.options.name, key), holder: randomUUID(), renewing: false, released: false };
    const { holders, line, seen } = lease.keys;
    let pause = this.timings.minPollMs;
    while (!(await this.scripts.takeSlot(holders, line, seen, lease.holder, this.options.limit, this.timings.leaseMs, this.timings.placeMs))) {
      if (!this.closed) await this.sleep(key, pause);
      if (this.closed) {
        // Leaving the line is a courtesy: a place not kept runs out on its own.
        await this.leave(lease).catch(() => undefined);
        throw new SlotsClosedError(this.options.name);
      }
      pause = Math.min(pause * 2, this.timings.maxPollMs);
    }
    lease.timer = setInterval(() => void this.renew(lease), this.timings.renewMs);
    lease.timer.unref();
    return lease;
  }

  private async release(lease: Lease): Promise<void> {
    lease.released = true;
    clearInterval(lease.timer);
    try {
      await this.leave(lease);
    } catch (error) {
      this.log.warn({ err: error, slots: this.options.name, key: lease.key }, 'could not give a slot back: it comes back when its lease runs out');
    }
    for (const sleeper of this.sleepers) if (sleeper.key === lease.key) sleeper.wake();
  }

  private async leave(lease: Lease): Promise<void> {
    const { holders, line, seen } = lease.keys;
    await this.connection.multi().zrem(holders, lease.holder).zrem(line, lease.holder).zrem(seen, lease.holder).exec();
  }

  private async renew(lease: Lease): Promise<void> {
    if (lease.renewing) return;
    lease.renewing = true;
    try {
      const kept = await this.scripts.renewSlot(lease.keys.holders, lease.holder, this.timings.leaseMs);
      if (kept || lease.released) return;
      clearInterval(lease.timer);
      this.log.error({ slots: this.options.name, key: lease.key }, 'a slot lease ran out while its work went on (Redis out of reach longer than the lease): the key may run one more than its limit');
    } catch (error) {
      this.log.warn({ err: error, slots: this.options.name, key: lease.key }, 'could not renew a slot lease');
    } finally {
      lease.renewing = false;
    }
  }

  /** Waits `ms`, or less when a slot of `key` is given back here or the slots close. */
  private sleep(key: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const sleeper = {
        key,
        wake: () => {
          clearTimeout(timer);
          this.sleepers.delete(sleeper);
          resolve();
        },
      };
      const timer = setTimeout(sleeper.wake, ms);
      this.sleepers.add(sleeper);
    });
  }
}
