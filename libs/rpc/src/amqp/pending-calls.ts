// Calls waiting for a reply, keyed by the id that travels as the AMQP correlationId. A call is
// registered before it is published, so the same timer covers waiting for a broker connection,
// the queue and the handler: the caller's timeout is the whole budget.
import { brokerNotConnected, conductorTimedOut } from '../errors/rpc-failures';
import { RpcTimer } from '../rpc-timer';

export interface OutgoingCall {
  readonly id: string;
  readonly host: string;
  readonly method: string;
  readonly timeoutMs: number;
  /** Absolute time (timer clock) after which the caller has given up. */
  readonly deadline: number;
  readonly body: Buffer;
  readonly headers: Record<string, string>;
}

interface PendingCall extends OutgoingCall {
  /** Published on the current connection; a call not yet sent waits for the next connection. */
  sent: boolean;
  /** When it was published (timer clock). */
  sentAt?: number;
  settle(outcome: { body: Buffer } | { error: Error }): void;
}

export class PendingCalls {
  private readonly calls = new Map<string, PendingCall>();

  constructor(private readonly timer: RpcTimer) {}

  /** Registers the call; the promise resolves to the reply body or rejects (timeout or `fail`). */
  start(call: OutgoingCall): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      const cancelTimeout = this.timer.setTimeout(() => {
        const entry = this.calls.get(call.id);
        if (!entry) return;
        const error = entry.sent
          ? conductorTimedOut(call.host, call.method, call.timeoutMs)
          : brokerNotConnected(call.host, call.method, call.timeoutMs);
        entry.settle({ error });
      }, call.timeoutMs);
      this.calls.set(call.id, {
        ...call,
        sent: false,
        settle: (outcome) => {
          this.calls.delete(call.id);
          cancelTimeout();
          if ('body' in outcome) resolve(outcome.body);
          else reject(outcome.error);
        },
      });
    });
  }

  /** The call still waiting under this id, if any. */
  find(id: unknown): OutgoingCall | undefined {
    return typeof id === 'string' ? this.calls.get(id) : undefined;
  }

  markSent(id: string, at: number): void {
    const entry = this.calls.get(id);
    if (entry) {
      entry.sent = true;
      entry.sentAt = at;
    }
  }

  /** Calls published at or before `cutoff` (timer clock) that still wait for their answer. */
  sentBy(cutoff: number): OutgoingCall[] {
    return [...this.calls.values()].filter((entry) => entry.sent && entry.sentAt !== undefined && entry.sentAt <= cutoff);
  }

  /** True while some published call waits for its answer. */
  get anySent(): boolean {
    for (const entry of this.calls.values()) if (entry.sent) return true;
    return false;
  }

  /** False when no call waits for this id any more (it timed out or failed first). */
  resolve(id: unknown, body: Buffer): boolean {
    const entry = typeof id === 'string' ? this.calls.get(id) : undefined;
    entry?.settle({ body });
    return entry !== undefined;
  }

  fail(id: unknown, error: (call: OutgoingCall) => Error): boolean {
    const entry = typeof id === 'string' ? this.calls.get(id) : undefined;
    entry?.settle({ error: error(entry) });
    return entry !== undefined;
  }

  /** Fails every call already published: its reply cannot arrive on a new connection. */
  failSent(error: (call: OutgoingCall) => Error): void {
    for (const entry of [...this.calls.values()]) if (entry.sent) entry.settle({ error: error(entry) });
  }

  failAll(error: (call: OutgoingCall) => Error): void {
    for (const entry of [...this.calls.values()]) entry.settle({ error: error(entry) });
  }

  unsent(): OutgoingCall[] {
    return [...this.calls.values()].filter((entry) => !entry.sent);
  }

  get size(): number {
    return this.calls.size;
  }
}
