// Delay before reconnect attempt n: exponential from the initial delay, capped, with ±20 % jitter so
// that every process of a cluster does not hit a restarted broker in the same millisecond.

export interface BackoffSettings {
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { initialDelayMs: 100, maxDelayMs: 5_000 };

export function reconnectDelay(attempt: number, settings: BackoffSettings, random: () => number = Math.random): number {
  const base = Math.min(settings.maxDelayMs, settings.initialDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = base * (0.8 + 0.4 * random());
  return Math.round(Math.min(settings.maxDelayMs, jittered));
}
