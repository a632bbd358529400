import { periodic, PeriodicContext, periodicsOf } from './periodic';

class PowerSync {
  readonly runs: string[] = [];
  constructor(private readonly settings: { interval: number; enabled: boolean }) {}

  @periodic({ spacing: (self: PowerSync) => self.settings.interval, enabled: (self: PowerSync) => self.settings.enabled })
  async syncPowerStates(context: PeriodicContext): Promise<void> {
    this.runs.push(`sync on ${context.hostname}`);
  }

  @periodic({ spacing: 60, name: 'orphan check' })
  async checkOrphans(): Promise<void> {
    this.runs.push('orphans');
  }
}

class Derived extends PowerSync {
  @periodic({ spacing: 5 })
  async extra(): Promise<void> {
    this.runs.push('extra');
  }
}

const context = { hostname: 'c1', signal: new AbortController().signal, forEachNode: async () => 0, resumeSteps: () => undefined };

describe('@periodic', () => {
  it('collects the periodics of an instance, spacing and enablement read from the instance', async () => {
    const service = new PowerSync({ interval: 30, enabled: true });
    const tasks = periodicsOf(service);
    expect(tasks.map(({ name, spacingSeconds, enabled }) => ({ name, spacingSeconds, enabled }))).toEqual([
      { name: 'PowerSync.syncPowerStates', spacingSeconds: 30, enabled: true },
      { name: 'orphan check', spacingSeconds: 60, enabled: true },
    ]);
    for (const task of tasks) await task.run(context);
    expect(service.runs).toEqual(['sync on c1', 'orphans']);
  });

  it('disables a task turned off or spaced 0 or less, as Ironic does', () => {
    expect(periodicsOf(new PowerSync({ interval: 0, enabled: true }))[0].enabled).toBe(false);
    expect(periodicsOf(new PowerSync({ interval: 10, enabled: false }))[0].enabled).toBe(false);
  });

  it('gives a subclass its parent periodics and its own, without adding to the parent', () => {
    expect(periodicsOf(new Derived({ interval: 1, enabled: true })).map((task) => task.name)).toEqual(['Derived.syncPowerStates', 'orphan check', 'Derived.extra']);
    expect(periodicsOf(new PowerSync({ interval: 1, enabled: true }))).toHaveLength(2);
  });

  it('finds nothing on a class without periodics, and refuses a spacing that is not a number', () => {
    expect(periodicsOf({})).toEqual([]);
    expect(() => periodicsOf(new PowerSync({ interval: Number('x'), enabled: true }))).toThrow('Periodic PowerSync.syncPowerStates: spacing must be a number of seconds');
  });
});
