import { runReadinessChecks } from './readiness';

describe('runReadinessChecks', () => {
  it('is ready when every check passes', async () => {
    const report = await runReadinessChecks([
      { name: 'database', check: async () => undefined },
      { name: 'broker', check: async () => undefined },
    ]);
    expect(report).toEqual({ ready: true, checks: { database: { ok: true }, broker: { ok: true } } });
  });

  it('names the failing dependency and its error', async () => {
    const report = await runReadinessChecks([
      { name: 'database', check: async () => undefined },
      { name: 'redis', check: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')) },
    ]);
    expect(report.ready).toBe(false);
    expect(report.checks.redis).toEqual({ ok: false, error: 'connect ECONNREFUSED 127.0.0.1:6379' });
  });

  it('fails a check that hangs, within the timeout', async () => {
    const report = await runReadinessChecks([{ name: 'broker', check: () => new Promise(() => undefined) }], 50);
    expect(report.checks.broker).toEqual({ ok: false, error: 'broker did not answer within 50 ms' });
  });
});
