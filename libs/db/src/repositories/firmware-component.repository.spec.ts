import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { FirmwareComponentRepository } from './firmware-component.repository';
import { NodeRepository } from './node.repository';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('FirmwareComponentRepository', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let nodes: NodeRepository;
  let firmware: FirmwareComponentRepository;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl);
    dataSource = database.dataSource;
    nodes = new NodeRepository(dataSource);
    firmware = new FirmwareComponentRepository(dataSource);
  });
  afterAll(async () => {
    await database.close();
  });

  it('syncs the cached set: new components created, changed ones updated, gone ones deleted, the initial version kept', async () => {
    const node = await nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware' });
    await firmware.syncAll(node.id, [
      { component: 'bmc', initialVersion: '1.0', currentVersion: '1.0' },
      { component: 'bios', initialVersion: 'U30', currentVersion: 'U30' },
      { component: 'nic', initialVersion: '22.0', currentVersion: '22.0' },
    ]);
    const first = await firmware.listByNodeId(node.id);
    expect(first.map((c) => c.component)).toEqual(['bmc', 'bios', 'nic']);
    expect(first[0]).toMatchObject({ initialVersion: '1.0', currentVersion: '1.0', lastVersionFlashed: null, updatedAt: null });

    await firmware.syncAll(node.id, [
      { component: 'bmc', initialVersion: '2.0', currentVersion: '2.0', lastVersionFlashed: '2.0' },
      { component: 'bios', initialVersion: 'U30', currentVersion: 'U30' },
    ]);
    const second = await firmware.listByNodeId(node.id);
    expect(second.map((c) => [c.component, c.initialVersion, c.currentVersion])).toEqual([['bmc', '1.0', '2.0'], ['bios', 'U30', 'U30']]);
    expect(second[0].updatedAt).toBeInstanceOf(Date);
    expect(second[1].updatedAt).toBeNull();
    expect(await firmware.listByNodeId(node.id + 1000)).toEqual([]);
  });
});
