import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MACAlreadyExistsError, PortAlreadyExistsError } from '@slipway/errors';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { NodeRepository } from './node.repository';
import { PortRepository } from './port.repository';
import { PortgroupRepository } from './portgroup.repository';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('PortRepository', () => {
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

  let macs = 0;
  const mac = () => `52:54:00:00:${Math.floor(++macs / 256).toString(16).padStart(2, '0')}:${(macs % 256).toString(16).padStart(2, '0')}`;
  const node = (fields: Record<string, unknown> = {}) => nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware', ...fields });
  const port = (nodeId: number, fields: Record<string, unknown> = {}) => ports.insert({ uuid: randomUUID(), address: mac(), nodeId, ...fields });
  const page = { sortKey: 'id' as const, sortDir: 'asc' as const, limit: 100 };

  it('stores a port and reads it back with the uuids of its node and portgroup', async () => {
    const owner = await node();
    const group = await portgroups.insert({ uuid: randomUUID(), nodeId: owner.id, mode: 'active-backup' });
    const created = await port(owner.id, { portgroupId: group.id, localLinkConnection: { port_id: 'p1' } });
    const found = await ports.findByUuid(created.uuid);
    expect(found).toMatchObject({ uuid: created.uuid, pxeEnabled: true, isSmartnic: false, extra: {}, internalInfo: {}, localLinkConnection: { port_id: 'p1' }, updatedAt: null });
    expect(found?.node?.uuid).toBe(owner.uuid);
    expect(found?.portgroup?.uuid).toBe(group.uuid);
    expect((await ports.findByAddress(created.address as string))?.uuid).toBe(created.uuid);
  });

  it('refuses a taken MAC or uuid with the matching conflict', async () => {
    const owner = await node();
    const first = await port(owner.id);
    await expect(port(owner.id, { address: first.address })).rejects.toThrow(MACAlreadyExistsError);
    await expect(port(owner.id, { uuid: first.uuid })).rejects.toThrow(PortAlreadyExistsError);
    const second = await port(owner.id);
    await expect(ports.update(second.id, { address: first.address })).rejects.toThrow(`A port with MAC address ${first.address} already exists.`);
  });

  it('lists by node, by portgroup and by the shard of the node', async () => {
    const shard = `shard-${randomUUID().slice(0, 6)}`;
    const a = await node({ shard });
    const b = await node();
    const group = await portgroups.insert({ uuid: randomUUID(), nodeId: a.id, mode: 'active-backup' });
    const a1 = await port(a.id, { portgroupId: group.id });
    const a2 = await port(a.id);
    await port(b.id);
    expect((await ports.list({ nodeId: a.id }, page)).map((p) => p.uuid)).toEqual([a1.uuid, a2.uuid]);
    expect((await ports.list({ portgroupId: group.id }, page)).map((p) => p.uuid)).toEqual([a1.uuid]);
    expect((await ports.list({ shards: [shard, 'elsewhere'] }, page)).map((p) => p.uuid)).toEqual([a1.uuid, a2.uuid]);
    expect((await ports.listByNodeId(a.id)).map((p) => p.uuid)).toEqual([a1.uuid, a2.uuid]);
  });

  it('pages in (sort key, id) order after a marker, both directions', async () => {
    const owner = await node();
    for (const physnet of ['b', null, 'a', 'b']) await port(owner.id, { physicalNetwork: physnet });
    const walk = async (sortDir: 'asc' | 'desc') => {
      const seen: Array<string | null> = [];
      let marker;
      for (;;) {
        const rows = await ports.list({ nodeId: owner.id }, { sortKey: 'physicalNetwork', sortDir, limit: 3, marker });
        seen.push(...rows.map((p) => p.physicalNetwork));
        if (rows.length < 3) return seen;
        marker = rows[rows.length - 1];
      }
    };
    expect(await walk('asc')).toEqual(['a', 'b', 'b', null]);
    expect(await walk('desc')).toEqual([null, 'b', 'b', 'a']);
  });

  it("names the physical networks of a portgroup's other members", async () => {
    const owner = await node();
    const group = await portgroups.insert({ uuid: randomUUID(), nodeId: owner.id, mode: 'active-backup' });
    const one = await port(owner.id, { portgroupId: group.id, physicalNetwork: 'physnet1' });
    await port(owner.id, { portgroupId: group.id, physicalNetwork: 'physnet1' });
    expect(await ports.physicalNetworksOfPortgroup(group.id)).toEqual(['physnet1']);
    await ports.update(one.id, { physicalNetwork: null });
    expect((await ports.physicalNetworksOfPortgroup(group.id)).sort()).toEqual(['physnet1', null].sort());
    expect(await ports.physicalNetworksOfPortgroup(group.id, one.id)).toEqual(['physnet1']);
  });

  it('writes changes with updated_at, and deletes', async () => {
    const owner = await node();
    const created = await port(owner.id);
    await ports.update(created.id, { internalInfo: { tenant_vif_port_id: 'vif-1' }, pxeEnabled: false });
    const updated = await ports.findByUuid(created.uuid);
    expect(updated).toMatchObject({ internalInfo: { tenant_vif_port_id: 'vif-1' }, pxeEnabled: false });
    expect(updated?.updatedAt).toBeInstanceOf(Date);
    await ports.delete(created.id);
    expect(await ports.findByUuid(created.uuid)).toBeNull();
  });
});
