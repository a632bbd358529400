import type { DataSource } from '@slipway/db';
import { createDataSource, FirmwareComponentRepository, NodeInventoryRepository, NodeRepository } from '@slipway/db';
import { IronicHttp, TestCluster, waitUntil } from '@slipway/testing';

// What API 1.83 to 1.87 added, through a real api and conductor (cluster mode, RabbitMQ RPC):
// parent and child nodes, the inspection ramdisk's callback, unhold, the firmware interface and
// its cache, and service. The test writes what no endpoint sets (a node waiting for inspection
// data, cached firmware) straight into the database, as a conductor would.
describe('API 1.83 to 1.87 (cross-process)', () => {
  let cluster: TestCluster;
  let http: IronicHttp;
  let dataSource: DataSource;
  let nodes: NodeRepository;

  beforeAll(async () => {
    cluster = await TestCluster.start({ conductors: 1 });
    http = cluster.http;
    dataSource = await createDataSource({ url: cluster.database.url, poolSize: 2 }).initialize();
    nodes = new NodeRepository(dataSource);
  }, 120_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await cluster?.stop();
  });

  const call = (method: string, path: string, body?: unknown, version = '1.87') => http.request(method, path, body, version);
  const fault = (answer: { body: Record<string, unknown> }) => IronicHttp.faultOf(answer.body);
  async function createNode(fields: Record<string, unknown>, version = '1.87'): Promise<Record<string, unknown>> {
    const created = await call('POST', '/v1/nodes', { driver: 'fake-hardware', ...fields }, version);
    expect(created.status).toBe(201);
    return created.body;
  }
  const listed = async (query: string, version = '1.87') => ((await call('GET', `/v1/nodes${query}`, undefined, version)).body.nodes as Array<{ name: string }>).map((node) => node.name).sort();
  async function setState(uuid: string, provisionState: string, targetProvisionState: string | null): Promise<number> {
    const row = await nodes.findByUuid(uuid);
    await nodes.update(row?.id as number, { provisionState, targetProvisionState });
    return row?.id as number;
  }

  it('negotiates up to 1.87 and says so in the discovery documents and headers', async () => {
    const latest = await call('GET', '/v1/', undefined, 'latest');
    expect(latest.headers.get('x-openstack-ironic-api-maximum-version')).toBe('1.87');
    expect(latest.headers.get('x-openstack-ironic-api-version')).toBe('1.87');
    expect(latest.body.version).toMatchObject({ version: '1.87', min_version: '1.1' });
    expect(latest.body).toHaveProperty('continue_inspection');
    expect((await call('GET', '/v1/', undefined, '1.83')).body).not.toHaveProperty('continue_inspection');
    expect((await call('GET', '/v1/nodes', undefined, '1.88')).status).toBe(406);
  });

  it('creates child nodes under a parent named by name or uuid, lists and hides them like Ironic', async () => {
    const parent = await createNode({ name: 'chassis-a' });
    const child = await createNode({ name: 'blade-1', parent_node: 'chassis-a' });
    const second = await createNode({ name: 'blade-2', parent_node: parent.uuid });
    expect(child.parent_node).toBe(parent.uuid);
    expect(second.parent_node).toBe(parent.uuid);
    expect(parent.parent_node).toBeNull();

    const missing = await call('POST', '/v1/nodes', { driver: 'fake-hardware', parent_node: 'no-such-node' });
    expect(missing.status).toBe(400);
    expect(fault(missing)).toBe('Unable to apply the requested parent_node. Requested value was invalid.');
    expect((await call('POST', '/v1/nodes', { driver: 'fake-hardware', parent_node: parent.uuid }, '1.82')).status).toBe(406);
    expect((await call('GET', `/v1/nodes/${child.uuid as string}`, undefined, '1.82')).body).not.toHaveProperty('parent_node');

    // Children stay out of lists unless asked for, at every version (Ironic's database rule).
    expect(await listed('')).toEqual(['chassis-a']);
    expect(await listed('', '1.82')).toEqual(['chassis-a']);
    expect(await listed('?include_children=true')).toEqual(['blade-1', 'blade-2', 'chassis-a']);
    expect(await listed('?parent_node=chassis-a')).toEqual(['blade-1', 'blade-2']);
    expect(await listed(`/detail?parent_node=${parent.uuid as string}`)).toEqual(['blade-1', 'blade-2']);
    const tooOld = await call('GET', '/v1/nodes?include_children=true', undefined, '1.82');
    expect(tooOld.status).toBe(406);
    expect(fault(tooOld)).toBe('Request not acceptable. The minimal required API version should be 1.83');

    expect((await call('GET', '/v1/nodes/chassis-a/children')).body).toEqual({ children: [child.uuid, second.uuid] });
    expect((await call('GET', '/v1/nodes/blade-1/children')).body).toEqual({ children: [] });
    expect((await call('GET', '/v1/nodes/no-such-node/children')).status).toBe(404);
    expect((await call('GET', '/v1/nodes/chassis-a/children', undefined, '1.82')).status).toBe(404);

    // A child moved out of its parent shows in lists again.
    const moved = await call('PATCH', '/v1/nodes/blade-2', [{ op: 'remove', path: '/parent_node' }]);
    expect(moved.status).toBe(200);
    expect(moved.body.parent_node).toBeNull();
    expect(await listed('')).toEqual(['blade-2', 'chassis-a']);
    const back = await call('PATCH', '/v1/nodes/blade-2', [{ op: 'replace', path: '/parent_node', value: 'chassis-a' }]);
    expect(back.body.parent_node).toBe(parent.uuid);
    expect((await call('PATCH', '/v1/nodes/blade-2', [{ op: 'replace', path: '/parent_node', value: 'nope' }])).status).toBe(400);
    expect((await call('PATCH', '/v1/nodes/blade-2', [{ op: 'remove', path: '/parent_node' }], '1.82')).status).toBe(406);
  });

  it('takes inspection data from the ramdisk, found by MAC (1.87) or BMC address (1.1), and finishes the inspection', async () => {
    const byMac = await createNode({ name: 'inspected-by-mac' });
    expect((await call('POST', '/v1/ports', { node_uuid: byMac.uuid, address: '52:54:00:00:0a:01' })).status).toBe(201);
    const inventory = { interfaces: [{ name: 'eth0', mac_address: '52:54:00:00:0A:01' }], cpu: { count: 4 } };
    const waiting = await call('POST', '/v1/continue_inspection', { inventory, root_disk: { name: '/dev/sda' } });
    expect(waiting.status).toBe(404);
    expect(fault(waiting)).toBe('Resource could not be found.');

    await setState(byMac.uuid as string, 'inspect wait', 'manageable');
    const accepted = await call('POST', '/v1/continue_inspection', { inventory, root_disk: { name: '/dev/sda' } });
    expect(accepted.status).toBe(202);
    expect(accepted.body.node).toMatchObject({ uuid: byMac.uuid, driver_internal_info: { agent_secret_token: '******' } });
    expect((accepted.body.config as { agent_token: string }).agent_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await waitUntil(async () => (await call('GET', `/v1/nodes/${byMac.uuid as string}`)).body.provision_state === 'manageable', 'the inspection to finish');
    expect((await call('GET', `/v1/nodes/${byMac.uuid as string}/inventory`)).body).toEqual({ inventory, plugin_data: { root_disk: { name: '/dev/sda' } } });
    expect((await call('POST', '/v1/continue_inspection', { inventory })).status).toBe(404);

    const byBmc = await createNode({ name: 'inspected-by-bmc', driver_info: { redfish_address: 'https://10.20.0.9:8000' } });
    await setState(byBmc.uuid as string, 'inspect wait', 'manageable');
    const bmcInventory = { interfaces: [{ mac_address: '52:54:00:00:0b:01' }], bmc_address: '10.20.0.9' };
    expect((await call('POST', '/v1/continue_inspection', { inventory: bmcInventory }, '1.83')).status).toBe(404);
    const inspector = await fetch(`${http.base}/v1/continue_inspection`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inventory: bmcInventory }) });
    expect(inspector.status).toBe(202);
    expect(await inspector.json()).toEqual({ uuid: byBmc.uuid });
    await waitUntil(async () => (await new NodeInventoryRepository(dataSource).findByNodeId((await nodes.findByUuid(byBmc.uuid as string))?.id as number)) !== null, 'the inventory to be stored');

    const bad = await call('POST', '/v1/continue_inspection', { inventory: { interfaces: [] } });
    expect(bad.status).toBe(400);
    expect(fault(bad)).toBe('Schema error for data: [] is too short');
    const nothing = await call('POST', '/v1/continue_inspection', { inventory: { interfaces: [{ mac_address: 'junk' }] } });
    expect(nothing.status).toBe(400);
    expect(fault(nothing)).toBe('No lookup information provided');
  });

  it('shows and sets the firmware interface from 1.86, lists cached firmware, and reset_interfaces resets it', async () => {
    const node = await createNode({ name: 'fw-node' });
    const defaultInterface = node.firmware_interface as string;
    expect(typeof defaultInterface).toBe('string');
    expect(node).toHaveProperty('service_step', {});
    expect((await call('GET', '/v1/nodes/fw-node', undefined, '1.85')).body).not.toHaveProperty('firmware_interface');
    expect((await call('GET', '/v1/nodes/fw-node', undefined, '1.86')).body).not.toHaveProperty('service_step');

    const other = defaultInterface === 'no-firmware' ? 'fake' : 'no-firmware';
    expect((await call('PATCH', '/v1/nodes/fw-node', [{ op: 'replace', path: '/firmware_interface', value: other }])).body.firmware_interface).toBe(other);
    expect((await call('PATCH', '/v1/nodes/fw-node', [{ op: 'replace', path: '/firmware_interface', value: other }], '1.85')).status).toBe(406);
    expect((await call('PATCH', '/v1/nodes/fw-node?reset_interfaces=true', [{ op: 'add', path: '/extra/a', value: 1 }])).body.firmware_interface).toBe(defaultInterface);
    expect((await call('POST', '/v1/nodes', { driver: 'fake-hardware', firmware_interface: 'no-firmware' }, '1.85')).status).toBe(406);

    expect((await call('GET', '/v1/nodes/fw-node/firmware')).body).toEqual({ firmware: [] });
    const row = await nodes.findByUuid(node.uuid as string);
    await new FirmwareComponentRepository(dataSource).syncAll(row?.id as number, [{ component: 'bmc', initialVersion: '1.0', currentVersion: '1.1' }]);
    expect((await call('GET', '/v1/nodes/fw-node/firmware')).body).toEqual({
      firmware: [{ created_at: expect.any(String), updated_at: null, component: 'bmc', initial_version: '1.0', current_version: '1.1', last_version_flashed: null }],
    });
    expect((await call('GET', '/v1/nodes/fw-node/firmware?fields=component')).body).toEqual({ firmware: [{ created_at: expect.any(String), updated_at: null, component: 'bmc' }] });
    expect((await call('GET', '/v1/nodes/fw-node/firmware', undefined, '1.85')).status).toBe(404);
    expect((await call('GET', '/v1/nodes/no-such-node/firmware')).status).toBe(404);
  });

  it('accepts unhold from 1.85 and service (with service_steps) from 1.87', async () => {
    await createNode({ name: 'verbs' });
    const unholdTooOld = await call('PUT', '/v1/nodes/verbs/states/provision', { target: 'unhold' }, '1.84');
    expect(unholdTooOld.status).toBe(406);
    // Reachable from 1.85: refused here only because the node is not held.
    const unhold = await call('PUT', '/v1/nodes/verbs/states/provision', { target: 'unhold' }, '1.85');
    expect(unhold.status).toBe(400);
    expect(fault(unhold)).toMatch(/unhold.*enroll/);

    const steps = [{ interface: 'deploy', step: 'hold' }];
    expect((await call('PUT', '/v1/nodes/verbs/states/provision', { target: 'service', service_steps: steps }, '1.86')).status).toBe(406);
    const service = await call('PUT', '/v1/nodes/verbs/states/provision', { target: 'service', service_steps: steps });
    expect(service.status).toBe(400);
    expect(fault(service)).toMatch(/service.*enroll/);
    expect((await call('PUT', '/v1/nodes/verbs/states/provision', { target: 'clean', service_steps: steps })).status).toBe(400);
  });
});
