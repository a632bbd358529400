import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { NodeRepository } from './node.repository';
import { NodeHistoryRepository } from './node-history.repository';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('NodeHistoryRepository', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let nodes: NodeRepository;
  let history: NodeHistoryRepository;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl);
    dataSource = database.dataSource;
    nodes = new NodeRepository(dataSource);
    history = new NodeHistoryRepository(dataSource);
  });
  afterAll(async () => {
    await database.close();
  });

  it("records entries and lists a node's own, oldest first, page by page", async () => {
    const node = await nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware' });
    const other = await nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware' });
    const events = ['first', 'second', 'third'];
    for (const event of events) await history.record({ uuid: randomUUID(), nodeId: node.id, type: 'error', severity: 'ERROR', eventType: 'deploying', event, conductor: 'c1' });
    await history.record({ uuid: randomUUID(), nodeId: other.id, event: 'elsewhere' });
    const page1 = await history.listByNodeId(node.id, { limit: 2 });
    const page2 = await history.listByNodeId(node.id, { limit: 2, marker: page1[1] });
    expect([...page1, ...page2].map((entry) => entry.event)).toEqual(events);
    expect(page1[0]).toMatchObject({ severity: 'ERROR', eventType: 'deploying', conductor: 'c1', user: null });
    expect(page1[0].createdAt).toBeInstanceOf(Date);
    expect(await history.findByUuid(page2[0].uuid)).toMatchObject({ event: 'third', nodeId: node.id });
    expect(await history.findByUuid(randomUUID())).toBeNull();
  });
});
