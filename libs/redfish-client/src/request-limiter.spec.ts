import { RequestLimiter } from './request-limiter';

describe('RequestLimiter', () => {
  it('runs one request at a time by default, in arrival order, and goes on after a failure', async () => {
    const limiter = new RequestLimiter();
    const order: string[] = [];
    let peak = 0;
    const job = (name: string, fail = false) =>
      limiter.run(async () => {
        peak = Math.max(peak, limiter.inFlight);
        order.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([job('a'), job('b', true), job('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(peak).toBe(1);
    expect(limiter.inFlight).toBe(0);
  });

  it('allows a higher limit, and refuses a nonsensical one', async () => {
    const limiter = new RequestLimiter(2);
    let peak = 0;
    await Promise.all([1, 2, 3, 4].map(() => limiter.run(async () => {
      peak = Math.max(peak, limiter.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
    })));
    expect(peak).toBe(2);
    expect(() => new RequestLimiter(0)).toThrow('A BMC request limit must be a positive integer, got 0.');
  });
});
