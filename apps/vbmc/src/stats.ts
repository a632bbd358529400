export interface VbmcStats {
  /** Redfish requests received (control API excluded). */
  requests: number;
  /** The most requests ever in flight at once for one system. */
  maxConcurrentPerSystem: number;
  /** Live Redfish sessions. */
  sessions: number;
}

/** Request counters for benchmarks: does a client keep to its per-BMC concurrency limit? */
export class RequestStats {
  private requests = 0;
  private maxConcurrent = 0;
  private readonly inFlight = new Map<string, number>();

  begin(systemId: string | undefined): void {
    this.requests++;
    if (systemId === undefined) return;
    const count = (this.inFlight.get(systemId) ?? 0) + 1;
    this.inFlight.set(systemId, count);
    this.maxConcurrent = Math.max(this.maxConcurrent, count);
  }

  end(systemId: string | undefined): void {
    if (systemId === undefined) return;
    const count = (this.inFlight.get(systemId) ?? 1) - 1;
    if (count > 0) this.inFlight.set(systemId, count);
    else this.inFlight.delete(systemId);
  }

  snapshot(sessions: number): VbmcStats {
    return { requests: this.requests, maxConcurrentPerSystem: this.maxConcurrent, sessions };
  }

  /** Counters restart; requests still in flight keep being tracked. */
  reset(): void {
    this.requests = 0;
    this.maxConcurrent = 0;
  }
}
