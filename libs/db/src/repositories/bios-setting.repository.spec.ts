import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { NodeRepository } from './node.repository';
import { BiosSettingRepository } from './bios-setting.repository';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('BiosSettingRepository', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let nodes: NodeRepository;
  let bios: BiosSettingRepository;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl);
    dataSource = database.dataSource;
    nodes = new NodeRepository(dataSource);
    bios = new BiosSettingRepository(dataSource);
  });
  afterAll(async () => {
    await database.close();
  });

  it('syncs the cached set: new settings created, changed ones updated, gone ones deleted, others untouched', async () => {
    const node = await nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware' });
    await bios.syncAll(node.id, [
      { name: 'ProcVirtualization', value: 'Enabled', attributeType: 'Enumeration', allowableValues: ['Enabled', 'Disabled'], readOnly: false },
      { name: 'BootMode', value: 'Uefi' },
      { name: 'MemSize', value: '64', lowerBound: 1, upperBound: 8_589_934_592 },
    ]);
    const first = await bios.listByNodeId(node.id);
    expect(first.map((s) => s.name)).toEqual(['BootMode', 'MemSize', 'ProcVirtualization']);
    expect(first[2]).toMatchObject({ attributeType: 'Enumeration', allowableValues: ['Enabled', 'Disabled'], readOnly: false, updatedAt: null });
    expect(first[1].upperBound).toBe(8_589_934_592);

    await bios.syncAll(node.id, [
      { name: 'ProcVirtualization', value: 'Disabled', attributeType: 'Enumeration', allowableValues: ['Enabled', 'Disabled'], readOnly: false },
      { name: 'BootMode', value: 'Uefi' },
    ]);
    const second = await bios.listByNodeId(node.id);
    expect(second.map((s) => [s.name, s.value])).toEqual([['BootMode', 'Uefi'], ['ProcVirtualization', 'Disabled']]);
    expect(second[0].updatedAt).toBeNull();
    expect(second[1].updatedAt).toBeInstanceOf(Date);
    expect(await bios.find(node.id, 'MemSize')).toBeNull();
    expect(await bios.find(node.id, 'BootMode')).toMatchObject({ value: 'Uefi' });
  });
});
