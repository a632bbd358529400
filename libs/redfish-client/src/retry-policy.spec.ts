import { DEFAULT_RETRY_POLICY as P, nextRetry, retryAfterMs } from './retry-policy';

describe('nextRetry', () => {
  it('retries a failed connection 3 tries in all, 2 s apart', () => {
    expect(nextRetry(P, 'GET', { kind: 'transport' }, 1)).toEqual({ delayMs: 2000 });
    expect(nextRetry(P, 'POST', { kind: 'transport' }, 2)).toEqual({ delayMs: 2000 });
    expect(nextRetry(P, 'GET', { kind: 'transport' }, 3)).toBeUndefined();
  });

  it('retries a GET answered 5xx 10 more times, 3 s apart, and never a 4xx', () => {
    expect(nextRetry(P, 'GET', { kind: 'status', status: 500 }, 1)).toEqual({ delayMs: 3000 });
    expect(nextRetry(P, 'GET', { kind: 'status', status: 502 }, 10)).toEqual({ delayMs: 3000 });
    expect(nextRetry(P, 'GET', { kind: 'status', status: 502 }, 11)).toBeUndefined();
    expect(nextRetry(P, 'GET', { kind: 'status', status: 404 }, 1)).toBeUndefined();
    expect(nextRetry(P, 'GET', { kind: 'status', status: 401 }, 1)).toBeUndefined();
  });

  it('retries a write only when the BMC says it is busy', () => {
    expect(nextRetry(P, 'PATCH', { kind: 'status', status: 500, messageIds: ['Base.1.8.InternalError'] }, 1)).toBeUndefined();
    expect(nextRetry(P, 'POST', { kind: 'status', status: 400, messageIds: ['IDRAC.2.8.SYS518'] }, 1)).toEqual({ delayMs: 3000 });
    expect(nextRetry(P, 'POST', { kind: 'status', status: 400, messageIds: ['iLO.2.14.InvalidOperationForSystemState'] }, 1)).toEqual({ delayMs: 3000 });
  });

  it("honours a 503's Retry-After, in seconds or as a date, up to the cap", () => {
    expect(nextRetry(P, 'PATCH', { kind: 'status', status: 503, retryAfter: '7' }, 1)).toEqual({ delayMs: 7000 });
    const now = Date.parse('2026-11-21T10:00:00Z');
    expect(nextRetry(P, 'GET', { kind: 'status', status: 503, retryAfter: 'Sat, 21 Nov 2026 10:00:05 GMT' }, 1, now)).toEqual({ delayMs: 5000 });
    expect(nextRetry(P, 'GET', { kind: 'status', status: 503, retryAfter: '3600' }, 1)).toBeUndefined();
    expect(nextRetry(P, 'GET', { kind: 'status', status: 503, retryAfter: 'soon' }, 1)).toEqual({ delayMs: 3000 });
  });

  it('reads Retry-After values', () => {
    expect(retryAfterMs(' 2 ')).toBe(2000);
    expect(retryAfterMs('garbage')).toBeUndefined();
  });
});
