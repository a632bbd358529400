import { reconnectDelay } from './reconnect-backoff';

const settings = { initialDelayMs: 100, maxDelayMs: 5_000 };

describe('reconnectDelay', () => {
  it('doubles from the initial delay without jitter at the midpoint', () => {
    expect([1, 2, 3, 4].map((attempt) => reconnectDelay(attempt, settings, () => 0.5))).toEqual([100, 200, 400, 800]);
  });

  it('spreads ±20 % around the base', () => {
    expect(reconnectDelay(1, settings, () => 0)).toBe(80);
    expect(reconnectDelay(1, settings, () => 0.999999)).toBe(120);
  });

  it('never exceeds the maximum, however many attempts', () => {
    expect(reconnectDelay(50, settings, () => 0.999999)).toBe(5_000);
    expect(reconnectDelay(50, settings, () => 0)).toBe(4_000);
  });
});
