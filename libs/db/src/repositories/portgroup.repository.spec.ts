import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PortgroupDuplicateNameError, PortgroupMACAlreadyExistsError, PortgroupNotEmptyError, PortgroupNotFoundError } from '@slipway/errors';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { NodeRepository } from './node.repository';
import { PortRepository } from './port.repository';
import { PortgroupRepository } from './portgroup.repository';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('PortgroupRepository', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let nodes: NodeRepository;
  let ports: PortRepository;
  let portgroups: PortgroupRepository;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl);
    dataSource = database.dataSource;
    nodes = new NodeRepository(dataSource);
    ports = new PortRepository(dataSource);
    portgroups = new PortgroupRepository(dataSource);
  });
  afterAll(async () => {
    await database.close();
  });

  const node = () => nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware' });
  const portgroup = (nodeId: number, fields: Record<string, unknown> = {}) => portgroups.insert({ uuid: randomUUID(), nodeId, mode: 'active-backup', ...fields });

  it('stores a portgroup and finds it by uuid, name and MAC, with its node', async () => {
    const owner = await node();
    const created = await portgroup(owner.id, { name: 'bond0-a', address: '52:54:00:01:00:01' });
    expect(created).toMatchObject({ name: 'bond0-a', standalonePortsSupported: true, properties: {}, extra: {}, internalInfo: {} });
    expect(created.node?.uuid).toBe(owner.uuid);
    expect((await portgroups.findByName('bond0-a'))?.uuid).toBe(created.uuid);
    expect((await portgroups.findByAddress('52:54:00:01:00:01'))?.uuid).toBe(created.uuid);
    expect((await portgroups.list({ nodeId: owner.id }, { sortKey: 'id', sortDir: 'asc', limit: 10 })).map((p) => p.uuid)).toEqual([created.uuid]);
  });

  it('refuses a taken name or MAC with the matching conflict', async () => {
    const owner = await node();
    await portgroup(owner.id, { name: 'bond0-b', address: '52:54:00:01:00:02' });
    await expect(portgroup(owner.id, { name: 'bond0-b' })).rejects.toThrow(PortgroupDuplicateNameError);
    await expect(portgroup(owner.id, { address: '52:54:00:01:00:02' })).rejects.toThrow(PortgroupMACAlreadyExistsError);
  });

  it('deletes only an empty portgroup, and says when it is gone', async () => {
    const owner = await node();
    const group = await portgroup(owner.id);
    const member = await ports.insert({ uuid: randomUUID(), address: '52:54:00:01:00:03', nodeId: owner.id, portgroupId: group.id });
    expect(await portgroups.countPorts(group.id)).toBe(1);
    await expect(portgroups.delete(group)).rejects.toThrow(PortgroupNotEmptyError);
    await ports.delete(member.id);
    await portgroups.delete(group);
    expect(await portgroups.findByUuid(group.uuid)).toBeNull();
    await expect(portgroups.delete(group)).rejects.toThrow(PortgroupNotFoundError);
  });
});
