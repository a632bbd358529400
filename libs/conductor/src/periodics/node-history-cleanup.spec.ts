import { randomUUID } from 'node:crypto';
import { RingDirectory } from '@slipway/cluster';
import { createMigratedTestDatabase, MigratedTestDatabase, NodeHistoryRepository, NodeRepository } from '@slipway/db';
import type { PeriodicContext } from '@slipway/drivers-framework';
import { NodeHistoryCleanup } from './node-history-cleanup';
import { OwnedNodes } from './owned-nodes';
import { DEFAULT_PERIODIC_SETTINGS } from './periodic-settings';

// Medium test on the real PostgreSQL: conductor "c1" alone in its group owns every node of it.
describe('NodeHistoryCleanup', () => {
  let db: MigratedTestDatabase;
  let nodes: NodeRepository;
  let history: NodeHistoryRepository;
  const group = `g-${randomUUID().slice(0, 8)}`;
  const identity = { hostname: 'c1', conductorGroup: group, enabledHardwareTypes: ['fake-hardware'] };
  const context: PeriodicContext = { hostname: 'c1', signal: new AbortController().signal, forEachNode: async () => 0, resumeSteps: () => undefined };
  const cleanupWith = (settings: Partial<typeof DEFAULT_PERIODIC_SETTINGS>) => {
    const rings = new RingDirectory(async () => [{ hostname: 'c1', conductorGroup: group, hardwareTypes: ['fake-hardware'] }]);
    return new NodeHistoryCleanup(new OwnedNodes(nodes, rings, identity), history, { ...DEFAULT_PERIODIC_SETTINGS, ...settings });
  };

  async function nodeWithHistory(entries: number): Promise<number> {
    const node = await nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware', conductorGroup: group });
    for (let i = 0; i < entries; i++) await history.record({ uuid: randomUUID(), nodeId: node.id, event: `event ${i}`, severity: 'INFO', type: 'event', eventType: 'test' });
    return node.id;
  }
  const eventsOf = async (nodeId: number) => (await history.listByNodeId(nodeId, { limit: 100 })).map((entry) => entry.event);

  beforeAll(async () => {
    db = await createMigratedTestDatabase();
    nodes = new NodeRepository(db.dataSource);
    history = new NodeHistoryRepository(db.dataSource);
  });
  afterAll(() => db.close());

  it('keeps the newest entries of each node and deletes no more than the batch allows per run', async () => {
    const a = await nodeWithHistory(5);
    const b = await nodeWithHistory(2);
    const cleanup = cleanupWith({ nodeHistoryMaxEntries: 2, nodeHistoryCleanupBatchCount: 2 });
    await cleanup.cleanUp(context);
    expect(await eventsOf(a)).toEqual(['event 2', 'event 3', 'event 4']); // the two oldest went first
    await cleanup.cleanUp(context);
    expect(await eventsOf(a)).toEqual(['event 3', 'event 4']);
    expect(await eventsOf(b)).toEqual(['event 0', 'event 1']);
  });

  it('spares entries younger than the minimum age', async () => {
    const node = await nodeWithHistory(4);
    await cleanupWith({ nodeHistoryMaxEntries: 1, nodeHistoryMinimumDays: 1 }).cleanUp(context);
    expect(await eventsOf(node)).toHaveLength(4);
  });
});
