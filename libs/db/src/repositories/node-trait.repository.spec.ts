import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { NodeRepository } from './node.repository';
import { NodeTraitRepository } from './node-trait.repository';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('NodeTraitRepository', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let nodes: NodeRepository;
  let traits: NodeTraitRepository;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl);
    dataSource = database.dataSource;
    nodes = new NodeRepository(dataSource);
    traits = new NodeTraitRepository(dataSource);
  });
  afterAll(async () => {
    await database.close();
  });

  const nodeId = async () => (await nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware' })).id;

  it('replaces the whole set, dropping duplicates, and reads it back sorted', async () => {
    const id = await nodeId();
    await traits.replace(id, ['CUSTOM_B', 'CUSTOM_A', 'CUSTOM_B']);
    expect(await traits.namesOf(id)).toEqual(['CUSTOM_A', 'CUSTOM_B']);
    await traits.replace(id, ['HW_CPU_X86_VMX']);
    expect(await traits.namesOf(id)).toEqual(['HW_CPU_X86_VMX']);
    await traits.replace(id, []);
    expect(await traits.namesOf(id)).toEqual([]);
  });

  it('adds without touching present traits, and removes some or all', async () => {
    const id = await nodeId();
    const other = await nodeId();
    await traits.add(other, ['CUSTOM_OTHER']);
    await traits.add(id, ['CUSTOM_A']);
    await traits.add(id, ['CUSTOM_A', 'CUSTOM_C']);
    expect(await traits.namesOf(id)).toEqual(['CUSTOM_A', 'CUSTOM_C']);
    expect(await traits.remove(id, ['CUSTOM_C', 'CUSTOM_MISSING'])).toBe(1);
    expect(await traits.namesOf(id)).toEqual(['CUSTOM_A']);
    expect(await traits.remove(id)).toBe(1);
    expect(await traits.namesOf(id)).toEqual([]);
    expect(await traits.namesOf(other)).toEqual(['CUSTOM_OTHER']);
  });

  it('goes with its node', async () => {
    const id = await nodeId();
    await traits.add(id, ['CUSTOM_GONE']);
    await nodes.delete(id);
    expect(await traits.namesOf(id)).toEqual([]);
  });
});
