import { IronicHttp, TestCluster, waitUntil } from '@slipway/testing';

// The sample plugin (examples/slipway-driver-example, installed as a file: dependency) through
// the real interfaces: a conductor that enables its hardware type discovers and loads it, reports
// it, and drives a node with it; the api serves it like any built-in driver.
describe('a driver plugin package (cross-process)', () => {
  let cluster: TestCluster;
  let http: IronicHttp;

  beforeAll(async () => {
    cluster = await TestCluster.start({ conductors: 1, env: { SLIPWAY_ENABLED_HARDWARE_TYPES: 'fake-hardware,example-hardware' } });
    http = cluster.http;
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  it('is loaded at start, logged with its package, and listed with its conductor', async () => {
    const [host] = cluster.hosts;
    expect(cluster.conductor(host).stdout()).toMatch(/"package":"slipway-driver-example".*"msg":"driver plugin loaded"/);
    const { drivers } = await http.expect<{ drivers: { name: string; hosts: string[] }[] }>(200, 'GET', '/v1/drivers');
    expect(drivers.find((driver) => driver.name === 'example-hardware')).toMatchObject({ hosts: [host] });
    const detail = await http.expect(200, 'GET', '/v1/drivers/example-hardware');
    expect(detail).toMatchObject({ default_power_interface: 'example-power', enabled_power_interfaces: ['example-power'], default_boot_interface: 'example-boot' });
    const properties = await http.expect(200, 'GET', '/v1/drivers/example-hardware/properties');
    expect(properties.example_address).toBe('Address of the example power switch. Required.');
  });

  it('drives a node: its validate names what is missing, its power interface switches, its deploy step deploys', async () => {
    const node = await http.expect<{ uuid: string }>(201, 'POST', '/v1/nodes', { driver: 'example-hardware', name: 'plugged' });
    const before = await http.expect<{ power: { result: boolean; reason: string } }>(200, 'GET', `/v1/nodes/${node.uuid}/validate`);
    expect(before.power).toEqual({ result: false, reason: 'Missing the following example parameters in node driver_info: example_address' });

    await http.expect(200, 'PATCH', `/v1/nodes/${node.uuid}`, [{ op: 'add', path: '/driver_info/example_address', value: 'switch-1:port-4' }]);
    const after = await http.expect<{ power: { result: boolean } }>(200, 'GET', `/v1/nodes/${node.uuid}/validate`);
    expect(after.power.result).toBe(true);
    expect((await http.request('PUT', `/v1/nodes/${node.uuid}/states/power`, { target: 'power on' })).status).toBe(202);
    await waitUntil(async () => (await http.expect(200, 'GET', `/v1/nodes/${node.uuid}`)).power_state === 'power on', 'the node to be on');
    const stored = await http.expect<{ driver_internal_info: Record<string, unknown>; power_interface: string }>(200, 'GET', `/v1/nodes/${node.uuid}`);
    expect(stored).toMatchObject({ power_interface: 'example-power', driver_internal_info: { example_power_state: 'power on' } });

    // Through the provisioning state machine to active, with the plugin's deploy step.
    const reach = async (target: string, state: string) => {
      expect((await http.request('PUT', `/v1/nodes/${node.uuid}/states/provision`, { target })).status).toBe(202);
      await waitUntil(async () => (await http.expect(200, 'GET', `/v1/nodes/${node.uuid}`)).provision_state === state, `the node to reach ${state}`, 20_000);
    };
    await reach('manage', 'manageable');
    await reach('provide', 'available');
    await reach('active', 'active');
    const deployed = await http.expect<{ last_error: string | null; deploy_interface: string }>(200, 'GET', `/v1/nodes/${node.uuid}`);
    expect(deployed).toMatchObject({ last_error: null, deploy_interface: 'example-deploy' });
  });

  it("waits on the plugin's asynchronous step, and goes on when its periodic poll reports the work done", async () => {
    const node = await http.expect<{ uuid: string }>(201, 'POST', '/v1/nodes', { driver: 'example-hardware', name: 'flashed', driver_info: { example_address: 'switch-1:port-5' } });
    const reach = async (body: Record<string, unknown>, state: string) => {
      expect((await http.request('PUT', `/v1/nodes/${node.uuid}/states/provision`, body)).status).toBe(202);
      await waitUntil(async () => (await http.expect(200, 'GET', `/v1/nodes/${node.uuid}`)).provision_state === state, `the node to reach ${state}`, 20_000);
    };
    await reach({ target: 'manage' }, 'manageable');
    await reach({ target: 'provide' }, 'available');
    await reach({ target: 'active', deploy_steps: [{ interface: 'deploy', step: 'flash_firmware', args: { seconds: 1 }, priority: 50 }] }, 'active');
    const deployed = await http.expect<{ driver_internal_info: Record<string, unknown>; last_error: string | null }>(200, 'GET', `/v1/nodes/${node.uuid}`);
    expect(deployed.last_error).toBeNull();
    expect(deployed.driver_internal_info).toMatchObject({ example_firmware_flashed: true });
    const history = await http.expect<{ history: { event: string }[] }>(200, 'GET', `/v1/nodes/${node.uuid}/history`);
    expect(history.history.map((entry) => entry.event)).toEqual(
      expect.arrayContaining(['Step 2/2 deploy.flash_firmware started', 'Event "wait": deploying -> wait call-back', 'Event "resume": wait call-back -> deploying', 'Event "done": deploying -> active']),
    );
  });

  it('refuses to deploy a node whose driver_info the power interface rejects (400 naming the key), and leaves it available', async () => {
    const node = await http.expect<{ uuid: string }>(201, 'POST', '/v1/nodes', { driver: 'example-hardware', name: 'forgetful', driver_info: { example_address: 'switch-1:port-6' } });
    for (const [target, state] of [['manage', 'manageable'], ['provide', 'available']]) {
      expect((await http.request('PUT', `/v1/nodes/${node.uuid}/states/provision`, { target })).status).toBe(202);
      await waitUntil(async () => (await http.expect(200, 'GET', `/v1/nodes/${node.uuid}`)).provision_state === state, `the node to reach ${state}`, 20_000);
    }
    await http.expect(200, 'PATCH', `/v1/nodes/${node.uuid}`, [{ op: 'remove', path: '/driver_info/example_address' }]);
    const refused = await http.request('PUT', `/v1/nodes/${node.uuid}/states/provision`, { target: 'active' });
    expect(refused.status).toBe(400);
    expect(IronicHttp.faultOf(refused.body)).toBe(
      `Cannot deploy node ${node.uuid}: the validation of its deploy or power interface failed: Missing the following example parameters in node driver_info: example_address`,
    );
    expect(await http.expect(200, 'GET', `/v1/nodes/${node.uuid}`)).toMatchObject({ provision_state: 'available', target_provision_state: null, last_error: null });
  });
});
