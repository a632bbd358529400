import { randomUUID } from 'node:crypto';
import { createMigratedTestDatabase, MigratedTestDatabase, NodeRepository, PortRepository } from '@slipway/db';
import { DEFAULT_DRIVER_CONFIG, DriverRegistry } from '@slipway/drivers-framework';
import { registerFakeDrivers } from '@slipway/drivers-fake';
import { NodeLockedError, NodeNotFoundError } from '@slipway/errors';
import { BackgroundWork } from '../tasks/background-work';
import { NodeTaskRunner } from '../tasks/node-task.runner';
import { NodeLockService } from './node-lock.service';

// Medium test: locks are rows in the real PostgreSQL, taken by "conductors" of different hosts.
describe('NodeLockService and NodeTaskRunner locks', () => {
  let db: MigratedTestDatabase;
  let nodes: NodeRepository;
  const lockServiceOf = (hostname: string, retryIntervalMs = 20) =>
    new NodeLockService(nodes, { hostname, conductorGroup: '', enabledHardwareTypes: ['fake-hardware'] }, { attempts: 3, retryIntervalMs });
  const runnerOf = (locks: NodeLockService) => {
    const registry = new DriverRegistry();
    registerFakeDrivers(registry);
    return new NodeTaskRunner(nodes, locks, registry.load({ ...DEFAULT_DRIVER_CONFIG, enabledHardwareTypes: ['fake-hardware'] }), new BackgroundWork(), new PortRepository(db.dataSource));
  };
  const newNode = () => nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware', powerInterface: 'fake', managementInterface: 'fake', deployInterface: 'fake', bootInterface: 'fake' });

  beforeAll(async () => {
    db = await createMigratedTestDatabase();
    nodes = new NodeRepository(db.dataSource);
  });
  afterAll(() => db.close());

  it('gives an exclusive lock to exactly one of many concurrent callers', async () => {
    const node = await newNode();
    const hosts = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const outcomes = await Promise.allSettled(hosts.map((host) => lockServiceOf(host).acquire(node.uuid, 'race', { attempts: 1 })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const winner = hosts[outcomes.findIndex((o) => o.status === 'fulfilled')];
    expect((await nodes.findByUuid(node.uuid))?.reservation).toBe(winner);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toEqual(new NodeLockedError({ node: node.uuid, host: winner }));
  });

  it('retries the configured number of times, then names the holder', async () => {
    const node = await newNode();
    const held = await lockServiceOf('holder').acquire(node.uuid, 'long work');
    const started = Date.now();
    await expect(lockServiceOf('waiter', 50).acquire(node.uuid, 'short work')).rejects.toThrow(`Node ${node.uuid} is locked by host holder`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100); // two waits between three attempts
    await held.release();
  });

  it('waits as long as it takes in patient mode, and gets the lock once it is released', async () => {
    const node = await newNode();
    const held = await lockServiceOf('holder').acquire(node.uuid, 'long work');
    const patient = lockServiceOf('waiter', 10).acquire(node.uuid, 'finish transition', { patient: true });
    await new Promise((resolve) => setTimeout(resolve, 200)); // well past 3 attempts
    await held.release();
    const lock = await patient;
    expect((await nodes.findByUuid(node.uuid))?.reservation).toBe('waiter');
    await lock.release();
  });

  it('ends a patient wait with NodeNotFound when the node is deleted', async () => {
    const node = await newNode();
    await lockServiceOf('holder').acquire(node.uuid, 'deleting');
    const patient = lockServiceOf('waiter', 10).acquire(node.uuid, 'waiting', { patient: true });
    await nodes.delete(node.id);
    await expect(patient).rejects.toBeInstanceOf(NodeNotFoundError);
  });

  it('releases only a lock this host holds, and only once', async () => {
    const node = await newNode();
    const lock = await lockServiceOf('c1').acquire(node.uuid, 'work');
    await lock.release();
    const other = await lockServiceOf('c2').acquire(node.uuid, 'other work');
    await lock.release(); // a second release must not free c2's lock
    expect((await nodes.findByUuid(node.uuid))?.reservation).toBe('c2');
    await other.release();
  });

  it('upgrades a shared task to the exclusive lock, saves its changes and releases the lock at the end', async () => {
    const node = await newNode();
    const runner = runnerOf(lockServiceOf('c1'));
    await runner.shared(node.uuid, 'power sync', async (context) => {
      expect(context.task.shared).toBe(true);
      await nodes.update(node.id, { extra: { changed: 'meanwhile' } });
      const task = await context.upgrade();
      expect(task.shared).toBe(false);
      expect(task.node.extra).toEqual({ changed: 'meanwhile' }); // reloaded under the lock
      expect((await nodes.findByUuid(node.uuid))?.reservation).toBe('c1');
      task.node.powerState = 'power on';
    });
    const after = await nodes.findByUuid(node.uuid);
    expect(after).toMatchObject({ powerState: 'power on', reservation: null, extra: { changed: 'meanwhile' } });
  });

  it('fails the upgrade with NodeLocked while another conductor holds the node', async () => {
    const node = await newNode();
    const held = await lockServiceOf('c2').acquire(node.uuid, 'deploying');
    await expect(runnerOf(lockServiceOf('c1')).shared(node.uuid, 'power sync', (context) => context.upgrade({ attempts: 1 }))).rejects.toBeInstanceOf(NodeLockedError);
    expect((await nodes.findByUuid(node.uuid))?.reservation).toBe('c2');
    await held.release();
  });

  it('downgrades an exclusive task: saves, frees the node for others and goes on shared', async () => {
    const node = await newNode();
    await runnerOf(lockServiceOf('c1')).exclusive(node.uuid, 'reboot', async (context) => {
      context.task.node.powerState = 'power off';
      const task = await context.downgrade();
      expect(task.shared).toBe(true);
      expect(await nodes.findByUuid(node.uuid)).toMatchObject({ powerState: 'power off', reservation: null });
      const other = await lockServiceOf('c2').acquire(node.uuid, 'other work', { attempts: 1 });
      await other.release();
    });
    expect((await nodes.findByUuid(node.uuid))?.reservation).toBeNull();
  });
});
