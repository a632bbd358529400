import { ManualTimer } from '../testing/manual-timer';
import { CalleeWatch } from './callee-watch';
import { OutgoingCall, PendingCalls } from './pending-calls';

describe('CalleeWatch', () => {
  let timer: ManualTimer;
  let pending: PendingCalls;
  let queues: Map<string, boolean | undefined>;
  let asked: string[];
  let gone: string[];
  let watch: CalleeWatch;

  beforeEach(() => {
    timer = new ManualTimer();
    pending = new PendingCalls(timer);
    queues = new Map();
    asked = [];
    gone = [];
    watch = new CalleeWatch({
      pending,
      timer,
      callQueueExists: async (host) => {
        asked.push(host);
        return queues.has(host) ? queues.get(host) : true;
      },
      failGone: (call) => {
        gone.push(call.id);
        pending.fail(call.id, () => new Error('gone'));
      },
    });
  });

  /** Publishes a call now, as the transport does. */
  function send(id: string, host: string): Promise<unknown> {
    const call: OutgoingCall = { id, host, method: 'm', timeoutMs: 60_000, deadline: timer.now() + 60_000, body: Buffer.from('{}'), headers: {} };
    const reply = pending.start(call).catch((error: unknown) => error);
    pending.markSent(id, timer.now());
    watch.noteSent();
    return reply;
  }
  /** Moves time on and lets the check that fired finish its awaits. */
  async function tick(ms = 1_000): Promise<void> {
    timer.advance(ms);
    for (let i = 0; i < 10; i++) await Promise.resolve();
  }

  it('asks nothing about calls answered within a check interval, and stops checking when none waits', async () => {
    void send('quick', 'c1');
    pending.resolve('quick', Buffer.from('{}'));
    await tick();
    expect(asked).toEqual([]);
    expect(timer.scheduled).toBe(0);
  });

  it('asks about each host of a call that has waited at least an interval, once per interval', async () => {
    void send('a', 'c1');
    void send('b', 'c1');
    await tick(); // sent at 0, checked at 1 s: waited exactly an interval
    await tick(500);
    void send('c', 'c2');
    await tick(500);
    expect(asked).toEqual(['c1', 'c1']);
    await tick();
    expect(asked).toEqual(['c1', 'c1', 'c1', 'c2']);
    expect(gone).toEqual([]);
  });

  it('fails the calls of a host whose call queue is missing at two checks in a row, sent by the first', async () => {
    void send('held', 'dead');
    void send('other', 'alive');
    queues.set('dead', false);
    await tick(); // first sighting: not yet
    expect(gone).toEqual([]);
    await tick(1);
    void send('later', 'dead'); // sent after the first sighting: the broker returns it if the queue is still gone
    await tick(999);
    expect(gone).toEqual(['held']);
    expect(pending.find('other')).toBeDefined();
    expect(pending.find('later')).toBeDefined();
  });

  it('leaves a call alone when its conductor declared its queue again (it reconnected and still owes the answer)', async () => {
    void send('held', 'blip');
    queues.set('blip', false);
    await tick();
    queues.set('blip', true);
    await tick();
    queues.set('blip', false);
    await tick();
    expect(gone).toEqual([]);
  });

  it('treats a broker it could not ask as no news', async () => {
    void send('held', 'c1');
    queues.set('c1', undefined);
    await tick();
    await tick();
    await tick();
    expect(gone).toEqual([]);
    expect(pending.find('held')).toBeDefined();
  });

  it('stops for good', async () => {
    void send('held', 'c1');
    watch.stop();
    await tick();
    expect(asked).toEqual([]);
    expect(timer.scheduled).toBe(1); // only the call's own timeout
  });
});
