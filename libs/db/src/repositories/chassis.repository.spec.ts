import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ChassisAlreadyExistsError, ChassisNotEmptyError, ChassisNotFoundError } from '@slipway/errors';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { ChassisRepository } from './chassis.repository';
import { NodeRepository } from './node.repository';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('ChassisRepository', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let chassis: ChassisRepository;
  let nodes: NodeRepository;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl);
    dataSource = database.dataSource;
    chassis = new ChassisRepository(dataSource);
    nodes = new NodeRepository(dataSource);
  });
  afterAll(async () => {
    await database.close();
  });

  it('creates, changes and reads a chassis; a taken uuid is a conflict', async () => {
    const created = await chassis.insert({ uuid: randomUUID(), description: 'rack 1', extra: { a: 1 } });
    expect(created.updatedAt).toBeNull();
    await expect(chassis.insert({ uuid: created.uuid })).rejects.toThrow(ChassisAlreadyExistsError);
    const updated = await chassis.update(created.id, { description: null, extra: {} });
    expect(updated).toMatchObject({ uuid: created.uuid, description: null, extra: {} });
    expect(updated.updatedAt).toBeInstanceOf(Date);
  });

  it('pages by description after a marker (nulls last, as Postgres sorts them)', async () => {
    for (const description of ['zz-3', 'zz-1', 'zz-2']) await chassis.insert({ uuid: randomUUID(), description });
    const first = await chassis.list({ sortKey: 'description', sortDir: 'asc', limit: 2 });
    expect(first.map((c) => c.description)).toEqual(['zz-1', 'zz-2']);
    const second = await chassis.list({ sortKey: 'description', sortDir: 'asc', limit: 2, marker: first[1] });
    expect(second.map((c) => c.description)).toEqual(['zz-3', null]);
  });

  it('deletes only a chassis without nodes, and says when it is gone', async () => {
    const enclosure = await chassis.insert({ uuid: randomUUID() });
    const member = await nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware', chassisId: enclosure.id });
    await expect(chassis.delete(enclosure)).rejects.toThrow(ChassisNotEmptyError);
    await nodes.delete(member.id);
    await chassis.delete(enclosure);
    expect(await chassis.findByUuid(enclosure.uuid)).toBeNull();
    await expect(chassis.delete(enclosure)).rejects.toThrow(ChassisNotFoundError);
  });
});
