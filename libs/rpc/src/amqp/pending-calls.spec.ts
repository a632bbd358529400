import { ConductorUnavailableError } from '@slipway/errors';
import { ManualTimer } from '../testing/manual-timer';
import { OutgoingCall, PendingCalls } from './pending-calls';

const call = (id: string, timeoutMs = 1_000): OutgoingCall => ({
  id,
  host: 'c1',
  method: 'conductor.ping',
  timeoutMs,
  deadline: timeoutMs,
  body: Buffer.from('{}'),
  headers: {},
});

describe('PendingCalls', () => {
  let timer: ManualTimer;
  let pending: PendingCalls;

  beforeEach(() => {
    timer = new ManualTimer();
    pending = new PendingCalls(timer);
  });

  it('resolves a call with its reply body once, and cancels its timer', async () => {
    const reply = pending.start(call('a'));
    expect(pending.resolve('a', Buffer.from('{"ok":true}'))).toBe(true);
    expect(pending.resolve('a', Buffer.from('late'))).toBe(false);
    expect((await reply).toString()).toBe('{"ok":true}');
    expect(timer.scheduled).toBe(0);
    expect(pending.size).toBe(0);
  });

  it('ignores a reply whose id is not a string or not pending', () => {
    expect(pending.resolve(undefined, Buffer.alloc(0))).toBe(false);
    expect(pending.resolve('nobody', Buffer.alloc(0))).toBe(false);
  });

  it('times out a sent call as "no answer" and an unsent one as "not connected"', async () => {
    const sent = pending.start(call('sent', 500)).catch((error: unknown) => error);
    const unsent = pending.start(call('unsent', 500)).catch((error: unknown) => error);
    pending.markSent('sent', 0);
    timer.advance(499);
    expect(pending.size).toBe(2);
    timer.advance(1);
    expect(((await sent) as Error).message).toMatch(/no answer to conductor\.ping within 500 ms/);
    expect(((await unsent) as Error).message).toMatch(/not connected to the broker within 500 ms/);
    expect(await sent).toBeInstanceOf(ConductorUnavailableError);
  });

  it('fails only the sent calls when the connection is lost, and keeps the others for the next one', async () => {
    const sent = pending.start(call('sent')).catch((error: unknown) => error);
    pending.start(call('waiting')).catch(() => undefined);
    pending.markSent('sent', 0);
    pending.failSent(() => new Error('lost'));
    expect(((await sent) as Error).message).toBe('lost');
    expect(pending.unsent().map((c) => c.id)).toEqual(['waiting']);
  });

  it('fails one call by id and everything on close', async () => {
    const one = pending.start(call('one')).catch((error: unknown) => error);
    const two = pending.start(call('two')).catch((error: unknown) => error);
    expect(pending.fail('one', (c) => new Error(`returned ${c.host}`))).toBe(true);
    pending.failAll(() => new Error('closed'));
    expect(((await one) as Error).message).toBe('returned c1');
    expect(((await two) as Error).message).toBe('closed');
    expect(timer.scheduled).toBe(0);
  });
});
