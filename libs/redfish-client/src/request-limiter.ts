/**
 * At most `limit` requests in flight to one BMC, the rest in arrival order. BMCs are small
 * computers: many fall over under concurrent requests, so one at a time is the default.
 */
export class RequestLimiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit = 1) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`A BMC request limit must be a positive integer, got ${limit}.`);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** Requests in flight now (for tests and metrics). */
  get inFlight(): number {
    return this.running;
  }
}
