import { RpcTimer } from '../rpc-timer';

/** An RpcTimer for small tests: time moves, and timers fire, only when the test advances it. */
export class ManualTimer implements RpcTimer {
  private readonly timers = new Set<{ at: number; callback: () => void }>();
  current = 0;

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): () => void {
    const timer = { at: this.current + ms, callback };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }

  advance(ms: number): void {
    this.current += ms;
    for (const timer of [...this.timers]) {
      if (timer.at <= this.current) {
        this.timers.delete(timer);
        timer.callback();
      }
    }
  }

  get scheduled(): number {
    return this.timers.size;
  }
}
