import { randomUUID } from 'node:crypto';
import { RingDirectory } from '@slipway/cluster';
import { createMigratedTestDatabase, MigratedTestDatabase, NodeHistoryRepository, NodeRepository, PortRepository } from '@slipway/db';
import { DEFAULT_DRIVER_CONFIG, DriverRegistry, PeriodicContext } from '@slipway/drivers-framework';
import { registerFakeDrivers } from '@slipway/drivers-fake';
import { NodeHistoryRecorder } from '../history/node-history.recorder';
import { NodeLockService } from '../locks/node-lock.service';
import { BackgroundWork } from '../tasks/background-work';
import { NodeTaskRunner } from '../tasks/node-task.runner';
import { OwnedNodes } from './owned-nodes';
import { DEFAULT_PERIODIC_SETTINGS } from './periodic-settings';
import { POWER_FAILURE_FAULT, PowerStateSync } from './power-state-sync';

// Medium test: the sync on the real PostgreSQL with the fake hardware, as conductor "c1" of a
// two-conductor ring (so some nodes belong to "c2" and must be left alone).
describe('PowerStateSync', () => {
  let db: MigratedTestDatabase;
  let nodes: NodeRepository;
  let history: NodeHistoryRepository;
  let sync: PowerStateSync;
  let rings: RingDirectory;
  const group = `g-${randomUUID().slice(0, 8)}`;
  const identity = { hostname: 'c1', conductorGroup: group, enabledHardwareTypes: ['fake-hardware'] };
  const context: PeriodicContext = { hostname: 'c1', signal: new AbortController().signal, forEachNode: async () => 0 };

  beforeAll(async () => {
    db = await createMigratedTestDatabase();
    nodes = new NodeRepository(db.dataSource);
    history = new NodeHistoryRepository(db.dataSource);
    const registry = new DriverRegistry();
    registerFakeDrivers(registry);
    registry.load({ ...DEFAULT_DRIVER_CONFIG, enabledHardwareTypes: ['fake-hardware'] });
    const locks = new NodeLockService(nodes, identity, { attempts: 1, retryIntervalMs: 10 });
    const tasks = new NodeTaskRunner(nodes, locks, registry, new BackgroundWork(), new PortRepository(db.dataSource));
    rings = new RingDirectory(async () => ['c1', 'c2'].map((hostname) => ({ hostname, conductorGroup: group, hardwareTypes: ['fake-hardware'] })));
    const owned = new OwnedNodes(nodes, rings, identity);
    sync = new PowerStateSync(owned, tasks, nodes, new NodeHistoryRecorder(history, identity), { ...DEFAULT_PERIODIC_SETTINGS, powerStateSyncMaxRetries: 2 });
  });
  afterAll(() => db.close());

  /** A node the ring gives to `owner`, with the recorded and the (fake) hardware power state. */
  async function nodeOwnedBy(owner: string, recorded: string | null, hardware: string | null, extra: Record<string, unknown> = {}) {
    for (;;) {
      const uuid = randomUUID();
      if ((await rings.ownerOf({ uuid, conductorGroup: group, driver: 'fake-hardware' })) !== owner) continue;
      return nodes.insert({
        uuid,
        driver: 'fake-hardware',
        conductorGroup: group,
        provisionState: 'available',
        powerState: recorded,
        driverInternalInfo: hardware ? { fake_power_state: hardware } : {},
        powerInterface: 'fake',
        managementInterface: 'fake',
        ...extra,
      });
    }
  }
  const reread = async (id: number) => (await nodes.findById(id))!;

  it('puts hardware found in another state back in the recorded one, and journals it', async () => {
    const node = await nodeOwnedBy('c1', 'power on', 'power off');
    await sync.syncPowerStates(context);
    const after = await reread(node.id);
    expect(after).toMatchObject({ powerState: 'power on', reservation: null, driverInternalInfo: { fake_power_state: 'power on' } });
    const [entry] = await history.listByNodeId(node.id, { limit: 10 });
    expect(entry).toMatchObject({ eventType: 'power', severity: 'WARNING', conductor: 'c1' });
    expect(entry.event).toContain('was found power off while its recorded power state is power on');
  });

  it('records the power of a node that has none recorded yet', async () => {
    const node = await nodeOwnedBy('c1', null, 'power off');
    await sync.syncPowerStates(context);
    expect((await reread(node.id)).powerState).toBe('power off');
  });

  it('leaves alone the nodes of another conductor, locked nodes, nodes in maintenance or with a power action pending', async () => {
    const others = await nodeOwnedBy('c2', 'power on', 'power off');
    const locked = await nodeOwnedBy('c1', 'power on', 'power off', { reservation: 'c3' });
    const maintained = await nodeOwnedBy('c1', 'power on', 'power off', { maintenance: true });
    const pending = await nodeOwnedBy('c1', 'power on', 'power off', { targetPowerState: 'power off' });
    const waiting = await nodeOwnedBy('c1', 'power on', 'power off', { provisionState: 'wait call-back' });
    await sync.syncPowerStates(context);
    for (const node of [others, locked, maintained, pending, waiting]) expect((await reread(node.id)).driverInternalInfo).toEqual({ fake_power_state: 'power off' });
  });

  it('puts a node whose power cannot be read into maintenance after the retries, and takes it out once it reads again', async () => {
    const node = await nodeOwnedBy('c1', 'power on', 'power on', { driverInfo: { fake_fail: 'get_power_state' } });
    await sync.syncPowerStates(context);
    expect((await reread(node.id)).maintenance).toBe(false); // one failure of two allowed
    await sync.syncPowerStates(context);
    const failed = await reread(node.id);
    expect(failed).toMatchObject({ maintenance: true, fault: POWER_FAILURE_FAULT, reservation: null });
    expect(failed.maintenanceReason).toContain('max retries (2) exceeded');

    await sync.recoverPowerFailures(context); // still failing: stays
    expect((await reread(node.id)).maintenance).toBe(true);
    await nodes.update(node.id, { driverInfo: {} });
    await sync.recoverPowerFailures(context);
    expect(await reread(node.id)).toMatchObject({ maintenance: false, fault: null, maintenanceReason: null, powerState: 'power on' });
    expect((await history.listByNodeId(node.id, { limit: 10 })).map((entry) => entry.severity)).toEqual(['ERROR', 'INFO']);
  });
});
