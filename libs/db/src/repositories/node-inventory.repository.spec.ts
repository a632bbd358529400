import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { NodeRepository } from './node.repository';
import { NodeInventoryRepository } from './node-inventory.repository';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('NodeInventoryRepository', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let nodes: NodeRepository;
  let inventories: NodeInventoryRepository;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl);
    dataSource = database.dataSource;
    nodes = new NodeRepository(dataSource);
    inventories = new NodeInventoryRepository(dataSource);
  });
  afterAll(async () => {
    await database.close();
  });

  it('keeps one inventory per node: a new inspection replaces the last one', async () => {
    const node = await nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware' });
    expect(await inventories.findByNodeId(node.id)).toBeNull();
    await inventories.save(node.id, { cpu: { count: 2 } }, { root_disk: '/dev/sda' });
    expect(await inventories.findByNodeId(node.id)).toMatchObject({ inventoryData: { cpu: { count: 2 } }, pluginData: { root_disk: '/dev/sda' }, updatedAt: null });
    await inventories.save(node.id, { cpu: { count: 4 } }, {});
    const replaced = await inventories.findByNodeId(node.id);
    expect(replaced).toMatchObject({ inventoryData: { cpu: { count: 4 } }, pluginData: {} });
    expect(replaced?.updatedAt).toBeInstanceOf(Date);
    await inventories.deleteByNodeId(node.id);
    expect(await inventories.findByNodeId(node.id)).toBeNull();
  });
});
