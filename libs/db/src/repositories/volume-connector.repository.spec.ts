import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { VolumeConnectorAlreadyExistsError, VolumeConnectorTypeAndIdAlreadyExistsError } from '@slipway/errors';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { NodeRepository } from './node.repository';
import { VolumeConnectorRepository } from './volume-connector.repository';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('VolumeConnectorRepository', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let nodes: NodeRepository;
  let connectors: VolumeConnectorRepository;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl);
    dataSource = database.dataSource;
    nodes = new NodeRepository(dataSource);
    connectors = new VolumeConnectorRepository(dataSource);
  });
  afterAll(async () => {
    await database.close();
  });

  const node = () => nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware' });
  const connector = (nodeId: number, fields: Record<string, unknown> = {}) =>
    connectors.insert({ uuid: randomUUID(), nodeId, type: 'iqn', connectorId: `iqn.${randomUUID()}`, extra: {}, ...fields });

  it('inserts and reads back a connector with its node uuid, updated_at null until changed', async () => {
    const owner = await node();
    const created = await connector(owner.id, { extra: { rack: 1 } });
    const found = await connectors.findByUuid(created.uuid);
    expect(found).toMatchObject({ uuid: created.uuid, type: 'iqn', extra: { rack: 1 }, updatedAt: null, node: { uuid: owner.uuid } });
    await connectors.update(created.id, { connectorId: 'changed' });
    const changed = await connectors.findByUuid(created.uuid);
    expect(changed?.connectorId).toBe('changed');
    expect(changed?.updatedAt).toBeInstanceOf(Date);
    await connectors.delete(created.id);
    expect(await connectors.findByUuid(created.uuid)).toBeNull();
  });

  it('turns a taken uuid or (type, connector_id) into the conflict errors, on insert and update', async () => {
    const owner = await node();
    const first = await connector(owner.id, { type: 'wwpn', connectorId: 'wwpn-dup' });
    await expect(connector(owner.id, { type: 'wwpn', connectorId: 'wwpn-dup' })).rejects.toThrow(VolumeConnectorTypeAndIdAlreadyExistsError);
    await expect(connector(owner.id, { uuid: first.uuid })).rejects.toThrow(VolumeConnectorAlreadyExistsError);
    const second = await connector(owner.id, { type: 'wwpn', connectorId: 'other' });
    await expect(connectors.update(second.id, { connectorId: 'wwpn-dup' })).rejects.toThrow('A volume connector with type wwpn and connector ID wwpn-dup already exists.');
  });

  it("lists one node's connectors page by page, and sorts by a column", async () => {
    const owner = await node();
    const other = await node();
    const made = [await connector(owner.id, { connectorId: `c-${randomUUID()}` }), await connector(owner.id), await connector(owner.id)];
    await connector(other.id);
    const first = await connectors.list({ nodeId: owner.id }, { sortKey: 'id', sortDir: 'asc', limit: 2 });
    const second = await connectors.list({ nodeId: owner.id }, { sortKey: 'id', sortDir: 'asc', limit: 2, marker: first[1] });
    expect([...first, ...second].map((c) => c.uuid)).toEqual(made.map((c) => c.uuid));
    const byId = await connectors.list({ nodeId: owner.id }, { sortKey: 'connectorId', sortDir: 'desc', limit: 10 });
    expect(byId.map((c) => c.connectorId)).toEqual(made.map((c) => c.connectorId).sort().reverse());
    expect((await connectors.list({}, { sortKey: 'id', sortDir: 'asc', limit: 100 })).length).toBeGreaterThanOrEqual(4);
  });

  it('goes with its node when the node is deleted', async () => {
    const owner = await node();
    const created = await connector(owner.id);
    await nodes.delete(owner.id);
    expect(await connectors.findByUuid(created.uuid)).toBeNull();
  });
});
