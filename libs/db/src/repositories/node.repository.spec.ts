import { randomUUID } from 'node:crypto';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { NodeRepository } from './node.repository';
import { ChassisEntity } from '../entities/chassis.entity';
import { NodeEntity } from '../entities/node.entity';
import { NodeTraitEntity } from '../entities/node-trait.entity';
import type { DataSource } from 'typeorm';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('NodeRepository', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let nodes: NodeRepository;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl, 12);
    dataSource = database.dataSource;
    nodes = new NodeRepository(dataSource);
  });
  afterAll(async () => {
    await database.close();
  });

  const create = (fields: Record<string, unknown> = {}) => nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware', ...fields });

  it('gives the exclusive lock to exactly one of many concurrent callers, and releases only for its holder', async () => {
    const node = await create();
    const hosts = Array.from({ length: 10 }, (_, i) => `c${i}`);
    const attempts = await Promise.all(hosts.map((host) => nodes.reserveByUuid(node.uuid, host)));
    const won = attempts.map((attempt) => attempt?.locked === true);
    expect(won.filter(Boolean)).toHaveLength(1);
    const holder = hosts[won.indexOf(true)];
    expect(await nodes.reservationOf(node.id)).toBe(holder);
    // Each attempt read the node as it was just before its own try: the losers saw the holder (or, at
    // most, no holder yet when they raced it), the winner saw it free.
    expect(attempts[won.indexOf(true)]?.node).toMatchObject({ uuid: node.uuid, reservation: null });
    const late = await nodes.reserveByUuid(node.uuid, 'late');
    expect(late).toMatchObject({ locked: false, node: { id: node.id, reservation: holder } });
    expect(await nodes.reserveByUuid(randomUUID(), 'c0')).toBeNull();
    expect(await nodes.release(node.id, holder === 'c0' ? 'c1' : 'c0')).toBe(false);
    expect(await nodes.release(node.id, holder)).toBe(true);
    expect(await nodes.reservationOf(node.id)).toBeNull();
  });

  it('reads the states of nodes by name, passing over names no node has', async () => {
    const suffix = randomUUID().slice(0, 6);
    const active = await create({ name: `a-${suffix}`, provisionState: 'active', powerState: 'power on' });
    const deploying = await create({ name: `d-${suffix}`, provisionState: 'deploying', targetProvisionState: 'active', maintenance: true });
    const states = await nodes.statesByNames([`a-${suffix}`, `d-${suffix}`, `missing-${suffix}`]);
    expect(states.sort((x, y) => x.name.localeCompare(y.name))).toEqual([
      { name: `a-${suffix}`, uuid: active.uuid, provisionState: 'active', targetProvisionState: null, powerState: 'power on', maintenance: false },
      { name: `d-${suffix}`, uuid: deploying.uuid, provisionState: 'deploying', targetProvisionState: 'active', powerState: null, maintenance: true },
    ]);
    expect(await nodes.statesByNames([])).toEqual([]);
  });

  it('pages in (sort key, id) order with a marker, nulls included, both directions', async () => {
    const group = `page-${randomUUID().slice(0, 6)}`;
    const made = [];
    for (const rc of ['b', null, 'a', 'b', null, 'c']) made.push(await create({ conductorGroup: group, resourceClass: rc }));
    const walk = async (sortDir: 'asc' | 'desc') => {
      const seen: string[] = [];
      let marker;
      for (;;) {
        const page = await nodes.list({ conductorGroup: group }, { sortKey: 'resourceClass', sortDir, limit: 2, marker });
        seen.push(...page.map((n) => n.uuid));
        if (page.length < 2) return seen;
        marker = page[page.length - 1];
      }
    };
    const all = await nodes.list({ conductorGroup: group }, { sortKey: 'resourceClass', sortDir: 'asc', limit: 100 });
    expect(await walk('asc')).toEqual(all.map((n) => n.uuid));
    expect(all.map((n) => n.resourceClass)).toEqual(['a', 'b', 'b', 'c', null, null]);
    const allDesc = await nodes.list({ conductorGroup: group }, { sortKey: 'resourceClass', sortDir: 'desc', limit: 100 });
    expect(await walk('desc')).toEqual(allDesc.map((n) => n.uuid));
    expect(new Set(await walk('desc'))).toEqual(new Set(made.map((n) => n.uuid)));
  });

  it('reads one node with every column as TypeORM loads it, plus chassis and allocation uuids and traits', async () => {
    const chassis = await dataSource.getRepository(ChassisEntity).save({ uuid: randomUUID(), extra: {} });
    const node = await create({ name: `full-${randomUUID().slice(0, 6)}`, chassisId: chassis.id, driverInfo: { a: { b: 1 } }, maintenance: true, provisionUpdatedAt: new Date(), secureBoot: true });
    await dataSource.getRepository(NodeTraitEntity).save([{ nodeId: node.id, trait: 'CUSTOM_B' }, { nodeId: node.id, trait: 'CUSTOM_A' }]);
    const typeorm = await dataSource.getRepository(NodeEntity).findOneByOrFail({ id: node.id });
    for (const read of [await nodes.findByUuid(node.uuid), await nodes.findByName(node.name as string)]) {
      const { chassis: readChassis, allocation, traits, ...columns } = read as NodeEntity;
      expect(columns).toEqual({ ...typeorm });
      expect(readChassis?.uuid).toBe(chassis.uuid);
      expect(allocation).toBeNull();
      expect(traits).toEqual(['CUSTOM_A', 'CUSTOM_B']);
    }
    expect(await nodes.findByUuid(randomUUID())).toBeNull();
  });

  it('filters like Ironic: associated, description_contains with wildcards escaped, project', async () => {
    const group = `filter-${randomUUID().slice(0, 6)}`;
    const a = await create({ conductorGroup: group, instanceUuid: randomUUID(), description: 'rack 5_a', owner: 'p1' });
    const b = await create({ conductorGroup: group, description: 'rack 5xa', lessee: 'p1' });
    const page = { sortKey: 'id' as const, sortDir: 'asc' as const, limit: 100 };
    expect((await nodes.list({ conductorGroup: group, associated: true }, page)).map((n) => n.id)).toEqual([a.id]);
    expect((await nodes.list({ conductorGroup: group, associated: false }, page)).map((n) => n.id)).toEqual([b.id]);
    expect((await nodes.list({ conductorGroup: group, descriptionContains: '5_a' }, page)).map((n) => n.id)).toEqual([a.id]);
    expect((await nodes.list({ conductorGroup: group, project: 'p1' }, page)).map((n) => n.id)).toEqual([a.id, b.id]);
  });

  it('lists by parent (children, or only nodes without one), the children of a node and the nodes in a state', async () => {
    const group = `family-${randomUUID().slice(0, 6)}`;
    const parent = await create({ conductorGroup: group, provisionState: 'inspect wait' });
    const first = await create({ conductorGroup: group, parentNode: parent.uuid });
    const second = await create({ conductorGroup: group, parentNode: parent.uuid, provisionState: 'inspect wait' });
    const page = { sortKey: 'id' as const, sortDir: 'asc' as const, limit: 100 };
    const ids = async (parentNode?: string | null) => (await nodes.list({ conductorGroup: group, parentNode }, page)).map((n) => n.id);
    expect(await ids(null)).toEqual([parent.id]);
    expect(await ids(parent.uuid)).toEqual([first.id, second.id]);
    expect(await ids(undefined)).toEqual([parent.id, first.id, second.id]);
    expect(await nodes.childrenOf(parent.uuid)).toEqual([first.uuid, second.uuid]);
    expect(await nodes.childrenOf(first.uuid)).toEqual([]);
    const waiting = (await nodes.listInProvisionState('inspect wait')).map((n) => n.id);
    expect(waiting).toEqual(expect.arrayContaining([parent.id, second.id]));
    expect(waiting).not.toContain(first.id);
  });
});
