// A call published into a conductor's call queue is lost when that conductor dies (kill -9, a
// crash, a lost host): the queue is deleted with its last consumer, and the message, or the
// answer the dying conductor owed, goes with it. Nothing tells the caller, which would wait its
// whole timeout (60 s). This watch asks the broker about the hosts of calls that have waited
// longer than a check interval; a host whose call queue is missing at two checks in a row is
// gone, and its calls published by the first of those checks fail as ConductorUnavailable
// (retryable, outcome unknown). A conductor that drains on shutdown keeps its call queue until
// it has answered everything, so only a dead one is caught.
import { OutgoingCall, PendingCalls } from './pending-calls';
import { RpcTimer } from '../rpc-timer';

export const CALLEE_CHECK_INTERVAL_MS = 1_000;

export interface CalleeWatchDeps {
  readonly pending: PendingCalls;
  readonly timer: RpcTimer;
  /** Whether the host's call queue exists; undefined when the broker could not be asked. */
  callQueueExists(host: string): Promise<boolean | undefined>;
  /** Fails one call whose conductor is gone. */
  failGone(call: OutgoingCall): void;
}

export class CalleeWatch {
  private cancelNext?: () => void;
  private checking = false;
  private stopped = false;
  /** Hosts found without a call queue at the last check, with that check's start time. */
  private missingSince = new Map<string, number>();

  constructor(
    private readonly deps: CalleeWatchDeps,
    private readonly intervalMs = CALLEE_CHECK_INTERVAL_MS,
  ) {}

  /** A call was published: a check is due an interval from now, unless one is already scheduled. */
  noteSent(): void {
    if (this.stopped || this.checking || this.cancelNext !== undefined) return;
    this.cancelNext = this.deps.timer.setTimeout(() => void this.check(), this.intervalMs);
  }

  stop(): void {
    this.stopped = true;
    this.cancelNext?.();
    this.cancelNext = undefined;
  }

  /** One pass; exposed for tests that drive the timer. */
  async check(): Promise<void> {
    this.cancelNext = undefined;
    this.checking = true;
    try {
      const startedAt = this.deps.timer.now();
      const waiting = this.deps.pending.sentBy(startedAt - this.intervalMs);
      const stillMissing = new Map<string, number>();
      for (const host of new Set(waiting.map((call) => call.host))) {
        if (this.stopped) return;
        if ((await this.deps.callQueueExists(host)) !== false) continue;
        const since = this.missingSince.get(host);
        if (since === undefined) {
          stillMissing.set(host, startedAt);
          continue;
        }
        stillMissing.set(host, since);
        for (const call of this.deps.pending.sentBy(since)) if (call.host === host) this.deps.failGone(call);
      }
      this.missingSince = stillMissing;
    } finally {
      this.checking = false;
      if (this.deps.pending.anySent) this.noteSent();
      else this.missingSince.clear();
    }
  }
}
