import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { DataSource } from '@slipway/db';
import { BiosSettingRepository, createDataSource, createTestDatabase, NodeHistoryRepository, NodeInventoryRepository, NodeRepository, TestDatabase } from '@slipway/db';
import { amqpTopology } from '@slipway/rpc';
import { freePort, spawnApp, SpawnedApp, testServices } from '@slipway/testing';

// Volume connectors and targets, the read-only node sub-resources, VIFs and the agent endpoints,
// through a real api and conductor (cluster mode, RabbitMQ RPC). The test writes what no endpoint
// creates (cached BIOS settings, history, inventory, a node waiting for its agent) straight into
// the database, as a conductor would.
describe('node sub-resources, volumes and the agent endpoints (cross-process)', () => {
  const conductorHost = `test-subresources-${randomUUID().slice(0, 8)}`;
  const headers = { 'content-type': 'application/json', 'x-openstack-ironic-api-version': '1.82' };
  let database: TestDatabase;
  let apps: SpawnedApp[] = [];
  let dataSource: DataSource;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase(testServices.databaseAdminUrl);
    const cluster = { SLIPWAY_DATABASE_URL: database.url, SLIPWAY_AMQP_URL: testServices.amqpUrl };
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const api = spawnApp('api', { ...cluster, SLIPWAY_API_PORT: String(port) });
    const conductor = spawnApp('conductor', { ...cluster, SLIPWAY_HOSTNAME: conductorHost });
    apps = [api, conductor];
    await api.waitFor(/Ironic API at/, 60_000);
    await conductor.waitFor(/serving RPC/, 60_000);
    // The api routes to conductors it sees alive in the database: wait for the registration.
    await until(async () => JSON.stringify(await (await fetch(`${base}/v1/conductors`, { headers })).json()).includes(conductorHost), 'the conductor to register');
    dataSource = await createDataSource({ url: database.url, poolSize: 2 }).initialize();
  }, 120_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await Promise.all(apps.map((app) => app.stop()));
    await database.drop();
    await promisify(execFile)('rabbitmqctl', ['delete_queue', amqpTopology().queueFor(conductorHost)]).catch(() => undefined);
  });

  async function until(check: () => Promise<boolean>, what = 'condition'): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if (await check().catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  }
  async function call(method: string, path: string, body?: unknown, version = '1.82'): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
    const response = await fetch(`${base}${path}`, { method, headers: { ...headers, 'x-openstack-ironic-api-version': version }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
  }
  const fault = (body: Record<string, unknown>) => (JSON.parse(body.error_message as string) as { faultstring: string }).faultstring;
  async function createNode(name: string): Promise<string> {
    const created = await call('POST', '/v1/nodes', { driver: 'fake-hardware', name });
    expect(created.status).toBe(201);
    return created.body.uuid as string;
  }
  async function powerOff(name: string): Promise<void> {
    expect((await call('PUT', `/v1/nodes/${name}/states/power`, { target: 'power off' })).status).toBe(202);
    await until(async () => (await call('GET', `/v1/nodes/${name}`)).body.power_state === 'power off', `${name} powered off`);
  }

  it('creates, lists, changes and deletes volume connectors and targets, writes only while the node is off', async () => {
    const node = await createNode('vol-node');
    const created = await call('POST', '/v1/volume/connectors', { node_uuid: node, type: 'iqn', connector_id: 'iqn.2010-10.org.openstack:vol-node' });
    expect(created.status).toBe(201);
    const connector = created.body.uuid as string;
    expect(created.headers.get('location')).toBe(`${base}/v1/volume/connectors/${connector}`);
    expect(Object.keys(created.body)).toEqual(['uuid', 'created_at', 'updated_at', 'connector_id', 'extra', 'type', 'links', 'node_uuid']);
    expect(created.body).toMatchObject({ type: 'iqn', extra: {}, updated_at: null, node_uuid: node });

    const duplicate = await call('POST', '/v1/volume/connectors', { node_uuid: node, type: 'iqn', connector_id: 'iqn.2010-10.org.openstack:vol-node' });
    expect(duplicate.status).toBe(409);
    expect(fault(duplicate.body)).toBe('A volume connector with type iqn and connector ID iqn.2010-10.org.openstack:vol-node already exists.');
    expect((await call('POST', '/v1/volume/connectors', { node_uuid: node, type: 'iqn' })).status).toBe(400);
    expect((await call('GET', '/v1/volume/connectors', undefined, '1.31')).status).toBe(404);

    const list = await call('GET', '/v1/nodes/vol-node/volume/connectors');
    expect(list.body.connectors).toEqual([{ uuid: connector, connector_id: 'iqn.2010-10.org.openstack:vol-node', type: 'iqn', links: expect.any(Array), node_uuid: node }]);
    expect((await call('GET', `/v1/nodes/vol-node/volume/connectors/${connector}`)).status).toBe(403);

    // A node whose power state is unknown may be using its volumes.
    const refused = await call('PATCH', `/v1/volume/connectors/${connector}`, [{ op: 'add', path: '/extra/rack', value: 'r1' }]);
    expect(refused.status).toBe(400);
    expect(fault(refused.body)).toBe(`The requested action "volume connector update" can not be performed on node "${node}" while it is in state "None".`);
    await powerOff('vol-node');
    const patched = await call('PATCH', `/v1/volume/connectors/${connector}`, [{ op: 'add', path: '/extra/rack', value: 'r1' }]);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ extra: { rack: 'r1' }, updated_at: expect.any(String) });

    const target = await call('POST', '/v1/volume/targets', { node_uuid: node, volume_type: 'iscsi', volume_id: 'vol-1', boot_index: 0, properties: { auth_password: 'pw', target_lun: 0 } });
    expect(target.status).toBe(201);
    expect(target.body.properties).toEqual({ auth_password: '******', target_lun: 0 });
    const sameIndex = await call('POST', '/v1/volume/targets', { node_uuid: node, volume_type: 'iscsi', volume_id: 'vol-2', boot_index: 0 });
    expect(sameIndex.status).toBe(409);
    expect(fault(sameIndex.body)).toBe("A volume target with boot index '0' for the same node already exists.");
    expect((await call('GET', '/v1/volume/targets?detail=true')).body.targets).toEqual([expect.objectContaining({ uuid: target.body.uuid, boot_index: 0, volume_id: 'vol-1' })]);

    expect((await call('DELETE', `/v1/volume/targets/${target.body.uuid as string}`)).status).toBe(204);
    expect((await call('DELETE', `/v1/volume/connectors/${connector}`)).status).toBe(204);
    expect((await call('GET', `/v1/volume/connectors/${connector}`)).status).toBe(404);
    expect((await call('GET', '/v1/volume')).body).toHaveProperty('connectors');
  });

  it('reads the cached BIOS settings, the history and the inventory a conductor stored', async () => {
    const uuid = await createNode('reads');
    const row = await new NodeRepository(dataSource).findByUuid(uuid);
    const id = row?.id as number;
    await new BiosSettingRepository(dataSource).syncAll(id, [
      { name: 'ProcVirtualization', value: 'Enabled', attributeType: 'Enumeration', allowableValues: ['Enabled', 'Disabled'] },
      { name: 'BootMode', value: 'Uefi' },
    ]);
    const history = new NodeHistoryRepository(dataSource);
    const events = [randomUUID(), randomUUID()];
    for (const [index, entry] of events.entries()) await history.record({ uuid: entry, nodeId: id, type: 'error', severity: 'ERROR', eventType: 'deploying', event: `failure ${index}`, conductor: conductorHost });
    await new NodeInventoryRepository(dataSource).save(id, { interfaces: [{ mac_address: '52:54:00:12:34:56' }] }, { root_disk: { name: '/dev/sda' } });

    const bios = await call('GET', '/v1/nodes/reads/bios');
    expect(bios.body.bios).toEqual([
      expect.objectContaining({ name: 'BootMode', value: 'Uefi', links: [expect.objectContaining({ href: `${base}/v1/nodes/reads/bios/BootMode` }), expect.anything()] }),
      expect.objectContaining({ name: 'ProcVirtualization', value: 'Enabled' }),
    ]);
    const one = await call('GET', '/v1/nodes/reads/bios/ProcVirtualization');
    expect(one.body.ProcVirtualization).toMatchObject({ attribute_type: 'Enumeration', allowable_values: ['Enabled', 'Disabled'], read_only: null });
    expect((await call('GET', '/v1/nodes/reads/bios/Nothing')).status).toBe(404);
    expect((await call('GET', '/v1/nodes/reads/bios', undefined, '1.39')).status).toBe(404);

    const page = await call('GET', '/v1/nodes/reads/history?limit=1');
    expect(page.body.history).toEqual([{ uuid: events[0], created_at: expect.any(String), severity: 'ERROR', event: 'failure 0', links: [{ href: `${base}/v1/nodes/${uuid}/history/${events[0]}`, rel: 'self' }] }]);
    expect(page.body.next).toBe(`${base}/v1/nodes/reads/history?limit=1&marker=${events[0]}`);
    const next = await fetch(page.body.next as string, { headers });
    expect(((await next.json()) as { history: Array<{ uuid: string }> }).history.map((entry) => entry.uuid)).toEqual([events[1]]);
    expect((await call('GET', `/v1/nodes/reads/history/${events[1]}`)).body).toMatchObject({ event_type: 'deploying', conductor: conductorHost, user: null });

    expect((await call('GET', '/v1/nodes/reads/inventory')).body).toEqual({ inventory: { interfaces: [{ mac_address: '52:54:00:12:34:56' }] }, plugin_data: { root_disk: { name: '/dev/sda' } } });
    await createNode('no-inventory');
    expect((await call('GET', '/v1/nodes/no-inventory/inventory')).status).toBe(404);
  });

  it('attaches, lists and detaches VIFs on the ports of a node', async () => {
    const node = await createNode('vif-node');
    const noPort = await call('POST', '/v1/nodes/vif-node/vifs', { id: 'vif-0' });
    expect(noPort.status).toBe(400);
    expect((await call('POST', '/v1/ports', { node_uuid: node, address: '52:54:00:00:00:01' })).status).toBe(201);
    expect((await call('POST', '/v1/nodes/vif-node/vifs', { id: 'vif-1' })).status).toBe(204);
    expect((await call('POST', '/v1/nodes/vif-node/vifs', { id: 'vif-1' })).status).toBe(409);
    expect((await call('GET', '/v1/nodes/vif-node/vifs')).body).toEqual({ vifs: [{ id: 'vif-1' }] });
    expect((await call('DELETE', '/v1/nodes/vif-node/vifs/vif-1')).status).toBe(204);
    expect((await call('GET', '/v1/nodes/vif-node/vifs')).body).toEqual({ vifs: [] });
    expect((await call('DELETE', '/v1/nodes/vif-node/vifs/vif-1')).status).toBe(400);
  });

  it('looks a waiting node up by MAC with a one-time token, and records heartbeats that carry it', async () => {
    const node = await createNode('agent-node');
    expect((await call('POST', '/v1/ports', { node_uuid: node, address: '52:54:00:00:00:aa' })).status).toBe(201);
    expect((await call('GET', '/v1/lookup?addresses=52:54:00:00:00:aa')).status).toBe(404);
    const nodes = new NodeRepository(dataSource);
    const row = await nodes.findByUuid(node);
    await nodes.update(row?.id as number, { provisionState: 'wait call-back', targetProvisionState: 'active' });

    const lookup = await call('GET', '/v1/lookup?addresses=52:54:00:00:00:AA,junk');
    expect(lookup.status).toBe(200);
    const token = (lookup.body.config as { agent_token: string }).agent_token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(lookup.body.node).toMatchObject({ uuid: node, driver_internal_info: { agent_secret_token: '******' } });
    expect(((await call('GET', `/v1/lookup?node_uuid=${node}`)).body.config as { agent_token: string }).agent_token).toBe('******');

    const wrong = await call('POST', `/v1/heartbeat/${node}`, { callback_url: 'http://10.0.0.5:9999', agent_token: 'wrong', agent_version: '9.5.0' });
    expect(wrong.status).toBe(400);
    expect(fault(wrong.body)).toBe('Invalid or missing agent token received.');
    const beat = await call('POST', `/v1/heartbeat/${node}`, { callback_url: 'http://10.0.0.5:9999', agent_token: token, agent_version: '9.5.0', agent_status: 'start' });
    expect(beat.status).toBe(202);
    expect(beat.body).toEqual({});
    const shown = await call('GET', `/v1/nodes/${node}?fields=driver_internal_info`);
    expect(shown.body.driver_internal_info).toMatchObject({ agent_url: 'http://10.0.0.5:9999', agent_version: '9.5.0', agent_status: 'start', agent_secret_token: '******', agent_last_heartbeat: expect.any(String) });
    const moved = await call('POST', `/v1/heartbeat/${node}`, { callback_url: 'http://10.0.0.6:9999', agent_token: token, agent_version: '9.5.0' });
    expect(moved.status).toBe(400);
    expect(fault(moved.body)).toBe('Detected change in ramdisk provided "callback_url"');

    await nodes.update(row?.id as number, { provisionState: 'active', targetProvisionState: null });
    expect((await call('GET', `/v1/lookup?node_uuid=${node}`)).status).toBe(404);
  });
});
