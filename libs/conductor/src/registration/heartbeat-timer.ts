/** Schedules the next heartbeat; a port so that tests drive time themselves. */
export interface HeartbeatTimer {
  /** Runs `callback` once after `delayMs`; the returned function cancels it. */
  schedule(delayMs: number, callback: () => void): () => void;
}

export const HEARTBEAT_TIMER = Symbol('HEARTBEAT_TIMER');

/** Real timers, unref'd: a pending heartbeat never keeps the process alive on its own. */
export const unrefHeartbeatTimer: HeartbeatTimer = {
  schedule(delayMs, callback) {
    const timer = setTimeout(callback, delayMs);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
