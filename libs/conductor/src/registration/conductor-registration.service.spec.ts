import type { ClusterTiming } from '@slipway/cluster';
import type { ConductorRegistration, ConductorRegistrationResult, ReleasedNode } from '@slipway/db';
import { DriverLoadError, NoDriversLoadedError } from '@slipway/errors';
import type { ConductorIdentity } from '../conductor-identity';
import { ConductorRegistrationService, RegistrationStore } from './conductor-registration.service';
import type { HeartbeatTimer } from './heartbeat-timer';
import type { ConductorRegistrationInfo } from './registration-info';
import { ReleasedAtStart } from './released-at-start';

type Call =
  | { method: 'clearReservationsOf'; hostname: string }
  | { method: 'register'; registration: ConductorRegistration }
  | { method: 'heartbeat'; hostname: string }
  | { method: 'unregister'; hostname: string };

/**
 * A strict fake of the repository: every call must have been planned (an outcome queued for its
 * method), otherwise it throws; calls are recorded in order.
 */
class StrictStore implements RegistrationStore {
  readonly calls: Call[] = [];
  private readonly plans = new Map<Call['method'], Array<() => Promise<unknown>>>();

  plan(method: Call['method'], ...outcomes: Array<unknown | Error | Promise<unknown>>): this {
    const queue = this.plans.get(method) ?? [];
    for (const outcome of outcomes) queue.push(() => (outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome)));
    this.plans.set(method, queue);
    return this;
  }

  private next<T>(call: Call): Promise<T> {
    this.calls.push(call);
    const outcome = this.plans.get(call.method)?.shift();
    if (outcome === undefined) throw new Error(`unplanned call: ${call.method}`);
    return outcome() as Promise<T>;
  }

  clearReservationsOf(hostname: string): Promise<ReleasedNode[]> {
    return this.next({ method: 'clearReservationsOf', hostname });
  }
  register(registration: ConductorRegistration): Promise<ConductorRegistrationResult> {
    return this.next({ method: 'register', registration });
  }
  heartbeat(hostname: string): Promise<boolean> {
    return this.next({ method: 'heartbeat', hostname });
  }
  unregister(hostname: string): Promise<void> {
    return this.next({ method: 'unregister', hostname });
  }

  methods(): string[] {
    return this.calls.map((call) => call.method);
  }
}

/** Time that moves only when the test says so. */
class FakeTimer implements HeartbeatTimer {
  private nowMs = 0;
  private readonly pending: Array<{ at: number; callback: () => void; cancelled: boolean }> = [];
  readonly delays: number[] = [];

  schedule(delayMs: number, callback: () => void): () => void {
    const entry = { at: this.nowMs + delayMs, callback, cancelled: false };
    this.delays.push(delayMs);
    this.pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  }

  get scheduled(): number {
    return this.pending.filter((entry) => !entry.cancelled).length;
  }

  /** Moves time on, running what falls due and letting the async work it starts settle. */
  async advance(ms: number): Promise<void> {
    const until = this.nowMs + ms;
    for (;;) {
      this.pending.sort((a, b) => a.at - b.at);
      const due = this.pending.findIndex((entry) => entry.at <= until);
      if (due < 0) break;
      const [entry] = this.pending.splice(due, 1);
      this.nowMs = entry.at;
      if (!entry.cancelled) entry.callback();
      await settle();
    }
    this.nowMs = until;
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const identity: ConductorIdentity = { hostname: 'conductor-1', conductorGroup: 'Rack-1', enabledHardwareTypes: ['redfish'] };
const info: ConductorRegistrationInfo = {
  hardwareTypes: ['redfish'],
  interfaces: [
    { hardwareType: 'redfish', interfaceType: 'power', interfaceName: 'redfish', isDefault: true },
    { hardwareType: 'redfish', interfaceType: 'boot', interfaceName: 'redfish-virtual-media', isDefault: true },
  ],
};
const timing: ClusterTiming = { heartbeatIntervalSeconds: 2, heartbeatTimeoutSeconds: 10 };
const registered: ConductorRegistrationResult = { id: 1, wasOnline: false };

describe('ConductorRegistrationService', () => {
  let store: StrictStore;
  let timer: FakeTimer;

  const service = (registrationInfo: ConductorRegistrationInfo = info) => new ConductorRegistrationService(store, identity, registrationInfo, timing, timer);

  async function started(): Promise<ConductorRegistrationService> {
    store.plan('clearReservationsOf', []).plan('register', registered);
    const registration = service();
    await registration.onApplicationBootstrap();
    return registration;
  }

  beforeEach(() => {
    store = new StrictStore();
    timer = new FakeTimer();
  });

  it('releases its stale locks, hands their nodes to the orphan check, then registers its identity, hardware types and interfaces', async () => {
    const stale = [{ uuid: 'n1', provisionState: 'deploying', maintenance: false }];
    store.plan('clearReservationsOf', stale).plan('register', { id: 7, wasOnline: true });
    const releasedAtStart = new ReleasedAtStart();

    await new ConductorRegistrationService(store, identity, info, timing, timer, undefined, releasedAtStart).onApplicationBootstrap();

    expect(releasedAtStart.take()).toEqual(stale);
    expect(store.calls).toEqual([
      { method: 'clearReservationsOf', hostname: 'conductor-1' },
      { method: 'register', registration: { hostname: 'conductor-1', conductorGroup: 'Rack-1', hardwareTypes: ['redfish'], interfaces: info.interfaces } },
    ]);
    expect(timer.delays).toEqual([2000]);
  });

  it('heartbeats once per interval, not before', async () => {
    await started();
    store.plan('heartbeat', true, true);

    await timer.advance(1999);
    expect(store.methods()).not.toContain('heartbeat');

    await timer.advance(1);
    await timer.advance(2000);
    expect(store.calls.slice(2)).toEqual([
      { method: 'heartbeat', hostname: 'conductor-1' },
      { method: 'heartbeat', hostname: 'conductor-1' },
    ]);
    expect(timer.scheduled).toBe(1);
  });

  it('survives a failed heartbeat and tries again at the next interval', async () => {
    await started();
    store.plan('heartbeat', new Error('connection terminated'), new Error('connection terminated'), true);

    await timer.advance(6000);

    expect(store.methods().slice(2)).toEqual(['heartbeat', 'heartbeat', 'heartbeat']);
    expect(timer.scheduled).toBe(1);
  });

  it('registers again when its row has gone', async () => {
    await started();
    store.plan('heartbeat', false, true).plan('register', registered);

    await timer.advance(4000);

    expect(store.methods().slice(2)).toEqual(['heartbeat', 'register', 'heartbeat']);
  });

  it('stops heartbeating and unregisters on shutdown', async () => {
    const registration = await started();
    store.plan('heartbeat', true).plan('unregister', undefined);
    await timer.advance(2000);

    await registration.beforeApplicationShutdown();
    await timer.advance(10_000);

    expect(store.methods().slice(2)).toEqual(['heartbeat', 'unregister']);
    expect(store.calls.at(-1)).toEqual({ method: 'unregister', hostname: 'conductor-1' });
    expect(timer.scheduled).toBe(0);
  });

  it('waits for a heartbeat in flight before unregistering', async () => {
    const registration = await started();
    let finishHeartbeat!: (found: boolean) => void;
    store.plan('heartbeat', new Promise<boolean>((resolve) => (finishHeartbeat = resolve))).plan('unregister', undefined);
    await timer.advance(2000);

    const shutdown = registration.beforeApplicationShutdown();
    await settle();
    expect(store.methods().slice(2)).toEqual(['heartbeat']);

    finishHeartbeat(true);
    await shutdown;
    expect(store.methods().slice(2)).toEqual(['heartbeat', 'unregister']);
    expect(timer.scheduled).toBe(0);
  });

  it('finishes shutting down when unregistering fails', async () => {
    const registration = await started();
    store.plan('unregister', new Error('database unavailable'));

    await expect(registration.beforeApplicationShutdown()).resolves.toBeUndefined();
    expect(timer.scheduled).toBe(0);
  });

  it('refuses to start without hardware types, touching nothing', async () => {
    await expect(service({ hardwareTypes: [], interfaces: [] }).onApplicationBootstrap()).rejects.toBeInstanceOf(NoDriversLoadedError);
    expect(store.calls).toEqual([]);
  });

  it('refuses interface rows that do not match the hardware types', async () => {
    const ipmiRow = { hardwareType: 'ipmi', interfaceType: 'power', interfaceName: 'ipmitool', isDefault: true };

    await expect(service({ hardwareTypes: ['redfish', 'ipmi'], interfaces: info.interfaces }).onApplicationBootstrap()).rejects.toThrow(
      new DriverLoadError({ driver: 'ipmi', reason: 'no interface is enabled for it' }),
    );
    await expect(service({ hardwareTypes: ['redfish'], interfaces: [...info.interfaces, ipmiRow] }).onApplicationBootstrap()).rejects.toBeInstanceOf(DriverLoadError);
    expect(store.calls).toEqual([]);
  });
});
