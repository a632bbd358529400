import { randomUUID } from 'node:crypto';
import { getLogger } from '@slipway/logging';
import { waitUntil } from '@slipway/testing';
import { connectRedis } from './connect-redis';
import { RedisSlots, type RedisSlotsOptions, slotKeys, slotTimings } from './redis-slots';
import { SlotsClosedError } from './slots-closed.error';

const redisUrl = process.env.SLIPWAY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('slotTimings', () => {
  it('renews a lease every third of it, and keeps a place in line for three of the longest pauses', () => {
    expect(slotTimings({})).toEqual({ leaseMs: 30_000, renewMs: 10_000, minPollMs: 50, maxPollMs: 1000, placeMs: 3000 });
    expect(slotTimings({ leaseMs: 300, minPollMs: 10, maxPollMs: 40 })).toEqual({ leaseMs: 300, renewMs: 100, minPollMs: 10, maxPollMs: 40, placeMs: 120 });
  });

  it('never starts the back-off above its bound', () => {
    expect(slotTimings({ minPollMs: 500, maxPollMs: 200 })).toMatchObject({ minPollMs: 200, maxPollMs: 200 });
  });

  it('refuses a lease or a pause below one millisecond', () => {
    expect(() => slotTimings({ leaseMs: 0 })).toThrow(RangeError);
    expect(() => slotTimings({ minPollMs: 0.5 })).toThrow(RangeError);
  });
});

describe('slotKeys', () => {
  it('keeps the slots of a key under the prefix, apart from the task queue', () => {
    expect(slotKeys('slipway', 'racks', 'rack01')).toEqual({
      holders: 'slipway:slots:racks:rack01:holders',
      line: 'slipway:slots:racks:rack01:line',
      seen: 'slipway:slots:racks:rack01:seen',
    });
  });
});

// Medium tests: the real local Redis, a prefix of their own per test, short leases and pauses.
describe('RedisSlots', () => {
  let options: RedisSlotsOptions;
  const opened: RedisSlots[] = [];
  const gates: Array<() => void> = [];

  /** Work that runs until opened (at the latest when the test ends), telling when it started. */
  function gate(): { work: () => Promise<void>; started: () => boolean; open: () => void } {
    let started = false;
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    gates.push(open);
    return {
      open: () => open(),
      started: () => started,
      work: async () => {
        started = true;
        await opened;
      },
    };
  }

  /** An instance as one process of the cluster has it. */
  async function slots(extra: Partial<RedisSlotsOptions> = {}): Promise<RedisSlots> {
    const instance = await RedisSlots.connect({ url: redisUrl, ...options, ...extra });
    opened.push(instance);
    return instance;
  }

  beforeEach(() => {
    options = { prefix: `slipway-test-${randomUUID()}`, name: 'racks', limit: 1, leaseMs: 300, minPollMs: 5, maxPollMs: 40 };
  });
  afterEach(async () => {
    // A test that failed half-way leaves work waiting, which close would wait for.
    for (const open of gates.splice(0)) open();
    await Promise.all(opened.splice(0).map((instance) => instance.close()));
  });

  it('never lets more than the limit hold slots of one key at once, over two processes', async () => {
    options.limit = 2;
    const processes = [await slots(), await slots()];
    let running = 0;
    let peak = 0;
    const runs = Array.from({ length: 10 }, (_, i) =>
      processes[i % 2].run('rack01', async () => {
        running++;
        peak = Math.max(peak, running);
        await sleep(20);
        running--;
        return i;
      }),
    );
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(2);
  });

  it('does not hold back the work of another key', async () => {
    const [first, second] = [await slots(), await slots()];
    const holder = gate();
    const held = first.run('rack01', holder.work);
    await waitUntil(holder.started, 'rack01 to be held');
    await expect(second.run('rack02', async () => 'rack02 ran')).resolves.toBe('rack02 ran');
    holder.open();
    await held;
  });

  it('hands a slot given back to the first waiter in line, from another process at its next try', async () => {
    const [first, second] = [await slots(), await slots()];
    const order: string[] = [];
    const holder = gate();
    const held = first.run('rack01', holder.work);
    await waitUntil(holder.started, 'rack01 to be held');
    const earlier = second.run('rack01', async () => void order.push('earlier'));
    await sleep(50);
    const later = first.run('rack01', async () => void order.push('later'));
    await sleep(100);
    expect(order).toEqual([]);
    const released = Date.now();
    holder.open();
    await Promise.all([held, earlier, later]);
    expect(order).toEqual(['earlier', 'later']);
    expect(Date.now() - released).toBeLessThan(500);
  });

  it('keeps a slot past its lease while the work runs, and gives it back when the holder vanished', async () => {
    // The first process's connection, cut as a crash would: no renewal, no release after.
    const connection = await connectRedis(redisUrl, getLogger('test'));
    const vanishing = new RedisSlots(connection, options);
    opened.push(vanishing);
    const other = await slots();
    const holder = gate();
    const held = vanishing.run('rack01', holder.work);
    await waitUntil(holder.started, 'rack01 to be held');
    const waiter = gate();
    const waiting = other.run('rack01', waiter.work);
    await sleep(3 * options.leaseMs!);
    expect(waiter.started()).toBe(false);
    connection.disconnect();
    const vanished = Date.now();
    await waitUntil(waiter.started, 'the vanished holder’s slot to come back', 3000, 10);
    expect(Date.now() - vanished).toBeLessThan(options.leaseMs! + 200);
    waiter.open();
    holder.open();
    await Promise.all([waiting, held]);
  });

  it('on close, turns its waiters away and waits for its holders’ work', async () => {
    const [closing, other] = [await slots(), await slots()];
    const holder = gate();
    const held = closing.run('rack01', holder.work);
    await waitUntil(holder.started, 'rack01 to be held');
    const waiting = closing.run('rack01', async () => 'never');
    let closed = false;
    const close = closing.close().then(() => (closed = true));
    await expect(waiting).rejects.toThrow(SlotsClosedError);
    await expect(closing.run('rack02', async () => 'never')).rejects.toThrow(SlotsClosedError);
    await sleep(50);
    expect(closed).toBe(false);
    holder.open();
    await Promise.all([held, close]);
    // The slot was given back, not left to run out.
    await expect(other.run('rack01', async () => 'next')).resolves.toBe('next');
  });
});
