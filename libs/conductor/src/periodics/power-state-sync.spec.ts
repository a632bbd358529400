import { DEFAULT_PERIODIC_SETTINGS } from './periodic-settings';
import { POWER_FAILURE_FAULT, PowerStateSync } from './power-state-sync';
import { PeriodicTestBed } from './testing/periodic-test-bed';

// Medium test: the sync on the real PostgreSQL with the fake hardware, as conductor "c1" of a
// two-conductor ring (so some nodes belong to "c2" and must be left alone).
describe('PowerStateSync', () => {
  let bed: PeriodicTestBed;
  let sync: PowerStateSync;

  beforeAll(async () => {
    bed = await PeriodicTestBed.open(['c2']);
    sync = new PowerStateSync(bed.owned, bed.tasks, bed.nodes, bed.recorder, { ...DEFAULT_PERIODIC_SETTINGS, powerStateSyncMaxRetries: 2 });
  });
  afterAll(() => bed.close());

  /** A node the ring gives to `owner`, with the recorded and the (fake) hardware power state. */
  const nodeOwnedBy = (owner: string, recorded: string | null, hardware: string | null, extra: Record<string, unknown> = {}) =>
    bed.nodeOwnedBy(owner, { powerState: recorded, driverInternalInfo: hardware ? { fake_power_state: hardware } : {}, ...extra });
  const reread = (id: number) => bed.reread(id);
  const context = () => bed.context;

  it('puts hardware found in another state back in the recorded one, and journals it', async () => {
    const node = await nodeOwnedBy('c1', 'power on', 'power off');
    await sync.syncPowerStates(context());
    const after = await reread(node.id);
    expect(after).toMatchObject({ powerState: 'power on', reservation: null, driverInternalInfo: { fake_power_state: 'power on' } });
    const [entry] = await bed.history.listByNodeId(node.id, { limit: 10 });
    expect(entry).toMatchObject({ eventType: 'power', severity: 'WARNING', conductor: 'c1' });
    expect(entry.event).toContain('was found power off while its recorded power state is power on');
  });

  it('records the power of a node that has none recorded yet', async () => {
    const node = await nodeOwnedBy('c1', null, 'power off');
    await sync.syncPowerStates(context());
    expect((await reread(node.id)).powerState).toBe('power off');
  });

  it('leaves alone the nodes of another conductor, locked nodes, nodes in maintenance or with a power action pending', async () => {
    const others = await nodeOwnedBy('c2', 'power on', 'power off');
    const locked = await nodeOwnedBy('c1', 'power on', 'power off', { reservation: 'c3' });
    const maintained = await nodeOwnedBy('c1', 'power on', 'power off', { maintenance: true });
    const pending = await nodeOwnedBy('c1', 'power on', 'power off', { targetPowerState: 'power off' });
    const waiting = await nodeOwnedBy('c1', 'power on', 'power off', { provisionState: 'wait call-back' });
    await sync.syncPowerStates(context());
    for (const node of [others, locked, maintained, pending, waiting]) expect((await reread(node.id)).driverInternalInfo).toEqual({ fake_power_state: 'power off' });
  });

  it('puts a node whose power cannot be read into maintenance after the retries, and takes it out once it reads again', async () => {
    const node = await nodeOwnedBy('c1', 'power on', 'power on', { driverInfo: { fake_fail: 'get_power_state' } });
    await sync.syncPowerStates(context());
    expect((await reread(node.id)).maintenance).toBe(false); // one failure of two allowed
    await sync.syncPowerStates(context());
    const failed = await reread(node.id);
    expect(failed).toMatchObject({ maintenance: true, fault: POWER_FAILURE_FAULT, reservation: null });
    expect(failed.maintenanceReason).toContain('max retries (2) exceeded');

    await sync.recoverPowerFailures(context()); // still failing: stays
    expect((await reread(node.id)).maintenance).toBe(true);
    await bed.nodes.update(node.id, { driverInfo: {} });
    await sync.recoverPowerFailures(context());
    expect(await reread(node.id)).toMatchObject({ maintenance: false, fault: null, maintenanceReason: null, powerState: 'power on' });
    expect((await bed.history.listByNodeId(node.id, { limit: 10 })).map((entry) => entry.severity)).toEqual(['ERROR', 'INFO']);
  });
});
