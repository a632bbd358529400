import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AllocationDuplicateNameError, AllocationAlreadyExistsError, InstanceAssociatedError, NodeAssociatedError } from '@slipway/errors';
import { NodeTraitEntity } from '../entities/node-trait.entity';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { AllocationRepository, NewAllocation } from './allocation.repository';
import { ConductorRepository } from './conductor.repository';
import { NodeRepository } from './node.repository';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('AllocationRepository', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let nodes: NodeRepository;
  let allocations: AllocationRepository;
  const host = `conductor-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl);
    dataSource = database.dataSource;
    nodes = new NodeRepository(dataSource);
    allocations = new AllocationRepository(dataSource);
    await new ConductorRepository(dataSource).register({ hostname: host, conductorGroup: '', hardwareTypes: ['fake-hardware'], interfaces: [] });
  });
  afterAll(async () => {
    await database.close();
  });

  const newAllocation = (fields: Partial<NewAllocation> = {}): NewAllocation => ({
    uuid: randomUUID(), name: null, resourceClass: 'gold', traits: [], candidateNodes: [], extra: {}, owner: null, ...fields,
  });
  const availableNode = (fields: Record<string, unknown> = {}) =>
    nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware', provisionState: 'available', powerState: 'power off', ...fields });
  const addTraits = (nodeId: number, traits: string[]) => dataSource.getRepository(NodeTraitEntity).insert(traits.map((trait) => ({ nodeId, trait })));

  it('inserts an allocating allocation with the conductor as its affinity, and refuses a taken uuid or name', async () => {
    const name = `a-${randomUUID().slice(0, 8)}`;
    const created = await allocations.insert(newAllocation({ name, traits: ['CUSTOM_X'], extra: { a: 1 } }), host);
    expect(created).toMatchObject({ name, state: 'allocating', traits: ['CUSTOM_X'], extra: { a: 1 }, nodeId: null, lastError: null, updatedAt: null });
    expect(created.conductorAffinity).toEqual(expect.any(Number));
    expect((await allocations.listAllocatingOf(host)).map((a) => a.uuid)).toContain(created.uuid);
    await expect(allocations.insert(newAllocation({ uuid: created.uuid }), host)).rejects.toBeInstanceOf(AllocationAlreadyExistsError);
    await expect(allocations.insert(newAllocation({ name }), host)).rejects.toBeInstanceOf(AllocationDuplicateNameError);
  });

  it('finds candidates the way Ironic filters them, traits included', async () => {
    const rc = `rc-${randomUUID().slice(0, 8)}`;
    const good = await availableNode({ resourceClass: rc });
    const withTraits = await availableNode({ resourceClass: rc, owner: 'p1' });
    await addTraits(withTraits.id, ['CUSTOM_A', 'CUSTOM_B']);
    await availableNode({ resourceClass: rc, maintenance: true });
    await availableNode({ resourceClass: rc, powerState: null });
    await availableNode({ resourceClass: rc, instanceUuid: randomUUID() });
    await availableNode({ resourceClass: rc, provisionState: 'manageable' });
    await availableNode({ resourceClass: `${rc}-other` });

    const ids = async (traits: string[], extra: { candidateNodes?: string[]; owner?: string } = {}) =>
      (await allocations.findCandidates({ resourceClass: rc, candidateNodes: extra.candidateNodes ?? [], owner: extra.owner ?? null }, traits)).map((n) => n.id);
    expect(await ids([])).toEqual([good.id, withTraits.id]);
    expect(await ids(['CUSTOM_A'])).toEqual([withTraits.id]);
    expect(await ids(['CUSTOM_A', 'CUSTOM_B', 'CUSTOM_A'])).toEqual([withTraits.id]);
    expect(await ids(['CUSTOM_A', 'CUSTOM_C'])).toEqual([]);
    expect(await ids([], { candidateNodes: [good.uuid] })).toEqual([good.id]);
    expect(await ids([], { owner: 'p1' })).toEqual([withTraits.id]);
  });

  it('associates a node in one step, and frees it when the allocation is deleted', async () => {
    const node = await availableNode({ resourceClass: 'gold', instanceInfo: { image_source: 'x' } });
    const allocation = await allocations.insert(newAllocation({ traits: ['CUSTOM_T'] }), host);
    const active = await allocations.associate(allocation.id, node.id);
    expect(active).toMatchObject({ state: 'active', nodeId: node.id });
    expect(active.node?.uuid).toBe(node.uuid);
    expect(active.updatedAt).not.toBeNull();
    const held = await nodes.findById(node.id);
    expect(held).toMatchObject({ allocationId: allocation.id, instanceUuid: allocation.uuid, instanceInfo: { image_source: 'x', traits: ['CUSTOM_T'] } });
    expect(held?.allocation?.uuid).toBe(allocation.uuid);
    expect((await allocations.findByNodeId(node.id))?.uuid).toBe(allocation.uuid);
    expect((await allocations.list({ nodeId: node.id }, { sortKey: 'id', sortDir: 'asc', limit: 10 })).map((a) => a.uuid)).toEqual([allocation.uuid]);

    expect(await allocations.delete(allocation.id)).toBe(true);
    expect(await nodes.findById(node.id)).toMatchObject({ allocationId: null, instanceUuid: null });
    expect(await allocations.findByUuid(allocation.uuid)).toBeNull();
    expect(await allocations.delete(allocation.id)).toBe(false);
  });

  it('refuses a node with another instance, and an allocation uuid another node uses as instance', async () => {
    const taken = await availableNode({ instanceUuid: randomUUID() });
    const first = await allocations.insert(newAllocation(), host);
    await expect(allocations.associate(first.id, taken.id)).rejects.toBeInstanceOf(NodeAssociatedError);

    const uuid = randomUUID();
    await availableNode({ instanceUuid: uuid });
    const free = await availableNode();
    const second = await allocations.insert(newAllocation({ uuid }), host);
    await expect(allocations.associate(second.id, free.id)).rejects.toBeInstanceOf(InstanceAssociatedError);
    // Nothing was half done.
    expect(await allocations.findByUuid(uuid)).toMatchObject({ state: 'allocating', nodeId: null });
    expect(await nodes.findById(free.id)).toMatchObject({ allocationId: null, instanceUuid: null });
  });

  it('marks a failure, renames with conflicts detected, filters and pages lists', async () => {
    const rc = `rc-${randomUUID().slice(0, 8)}`;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await allocations.insert(newAllocation({ resourceClass: rc, owner: i === 1 ? 'p2' : null }), host));
    expect(await allocations.markFailed(made[0].id, 'no nodes')).toBe(true);
    expect(await allocations.findByUuid(made[0].uuid)).toMatchObject({ state: 'error', lastError: 'no nodes', nodeId: null });

    const name = `n-${randomUUID().slice(0, 8)}`;
    expect(await allocations.updateAttributes(made[1].id, { name, extra: { k: 'v' } })).toMatchObject({ name, extra: { k: 'v' } });
    expect((await allocations.findByName(name))?.id).toBe(made[1].id);
    await expect(allocations.updateAttributes(made[2].id, { name })).rejects.toBeInstanceOf(AllocationDuplicateNameError);

    const page = { sortKey: 'id' as const, sortDir: 'asc' as const, limit: 2 };
    const first = await allocations.list({ resourceClass: rc }, page);
    const second = await allocations.list({ resourceClass: rc }, { ...page, marker: first[1] });
    expect([...first, ...second].map((a) => a.id)).toEqual(made.map((a) => a.id));
    expect((await allocations.list({ resourceClass: rc, state: 'error' }, page)).map((a) => a.id)).toEqual([made[0].id]);
    expect((await allocations.list({ resourceClass: rc, owner: 'p2' }, page)).map((a) => a.id)).toEqual([made[1].id]);
  });

  it('maps node names and uuids to uuids, leaving unknown ones out', async () => {
    const name = `node-${randomUUID().slice(0, 8)}`;
    const named = await availableNode({ name });
    const other = await availableNode();
    const missing = randomUUID();
    const mapping = await allocations.nodeUuidsOf({ uuids: [other.uuid, missing], names: [name, 'nobody'] });
    expect(Object.fromEntries(mapping)).toEqual({ [name]: named.uuid, [other.uuid]: other.uuid });
  });
});
