// Time as the transports see it: injected so tests can drive call timeouts without waiting.

export interface RpcTimer {
  now(): number;
  /** Runs `callback` after `ms`; the returned function cancels it. */
  setTimeout(callback: () => void, ms: number): () => void;
}

export const systemTimer: RpcTimer = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};

export const DEFAULT_CALL_TIMEOUT_MS = 60_000;

/** Per-call option, then the contract's default, then the transport's. */
export function effectiveTimeout(optionMs: number | undefined, contractMs: number | undefined, transportMs: number): number {
  const ms = optionMs ?? contractMs ?? transportMs;
  if (!(Number.isFinite(ms) && ms > 0)) throw new TypeError(`RPC timeout must be a positive number of milliseconds, got ${ms}`);
  return ms;
}
