import { RackLimiter } from './rack-limiter';

/** Work that runs until released, recording when it started. */
function gate(log: string[], name: string): { work: () => Promise<string>; release: () => void } {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    release: () => release(),
    work: async () => {
      log.push(`start ${name}`);
      await done;
      return name;
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('RackLimiter', () => {
  it('runs at most perRack pieces of work of one rack at once, the others in arrival order', async () => {
    const limiter = new RackLimiter(2);
    const log: string[] = [];
    const gates = ['a', 'b', 'c', 'd'].map((name) => gate(log, name));
    const runs = gates.map((g) => limiter.run('rack01', g.work));
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    expect(limiter.inUse('rack01')).toBe(2);
    gates[1].release();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    gates[0].release();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'start c', 'start d']);
    gates[2].release();
    gates[3].release();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd']);
    expect(limiter.inUse('rack01')).toBe(0);
  });

  it('does not hold back the work of another rack', async () => {
    const limiter = new RackLimiter(1);
    const log: string[] = [];
    const first = gate(log, 'rack01 first');
    const second = gate(log, 'rack01 second');
    const other = gate(log, 'rack02');
    const runs = [limiter.run('rack01', first.work), limiter.run('rack01', second.work), limiter.run('rack02', other.work)];
    await tick();
    expect(log).toEqual(['start rack01 first', 'start rack02']);
    for (const g of [first, second, other]) g.release();
    await Promise.all(runs);
  });

  it('gives the slot back when the work fails', async () => {
    const limiter = new RackLimiter(1);
    await expect(limiter.run('', async () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect(limiter.inUse('')).toBe(0);
    await expect(limiter.run('', async () => 'next')).resolves.toBe('next');
  });

  it('refuses a limit below one', () => {
    expect(() => new RackLimiter(0)).toThrow(RangeError);
  });
});
