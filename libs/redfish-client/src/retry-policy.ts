/** How hard the client tries before giving up (sushy's and Ironic's defaults). */
export interface RetryPolicy {
  /** Tries of a request whose connection fails (refused, reset, timed out). */
  connectionAttempts: number;
  connectionRetryMs: number;
  /** Extra tries of a GET answered 5xx (sushy's server_side_retries). */
  serverSideRetries: number;
  serverSideRetryMs: number;
  /** A 503's Retry-After is honoured up to this long; longer, the error is returned. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  connectionAttempts: 3,
  connectionRetryMs: 2000,
  serverSideRetries: 10,
  serverSideRetryMs: 3000,
  maxRetryAfterMs: 60_000,
};

/**
 * Message ids by which BMCs say "busy, try again" on a write (iDRAC SYS518, iLO
 * InvalidOperationForSystemState): the only non-GET errors worth repeating.
 */
const BUSY_MESSAGE_IDS = ['SYS518', 'InvalidOperationForSystemState'];

/** What came back from one try. */
export type TryOutcome = { kind: 'transport' } | { kind: 'status'; status: number; retryAfter?: string | null; messageIds?: readonly string[] };

/** Whether to try again after try number `attempt` (1-based), and after how long. */
export function nextRetry(policy: RetryPolicy, method: string, outcome: TryOutcome, attempt: number, now = Date.now()): { delayMs: number } | undefined {
  if (outcome.kind === 'transport') return attempt < policy.connectionAttempts ? { delayMs: policy.connectionRetryMs } : undefined;
  const { status } = outcome;
  if (status < 500 && status !== 400) return undefined;
  if (attempt > policy.serverSideRetries) return undefined;
  if (status === 503 && outcome.retryAfter) {
    const delayMs = retryAfterMs(outcome.retryAfter, now);
    if (delayMs !== undefined) return delayMs <= policy.maxRetryAfterMs ? { delayMs } : undefined;
  }
  const busy = (outcome.messageIds ?? []).some((id) => BUSY_MESSAGE_IDS.some((pattern) => id.includes(pattern)));
  if (method === 'GET' ? status >= 500 : busy) return { delayMs: policy.serverSideRetryMs };
  return undefined;
}

/** A Retry-After header in seconds or as an HTTP date; undefined when it is neither. */
export function retryAfterMs(value: string, now = Date.now()): number | undefined {
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
