import { sharedData } from '@slipway/test-data';
import { IronicHttp, TestCluster, waitUntil } from '@slipway/testing';
import { createVbmc, type Vbmc } from '../../apps/vbmc/src';

// A node's whole life on the redfish hardware type, against the virtual BMC, with an api and a
// conductor as separate processes on the real PostgreSQL and RabbitMQ and no fake inside
// Slipway: enroll with Ironic's redfish driver_info → manage (verify) → inspect (ports from the
// NIC MACs) → clean applying a BIOS setting (applied by the BMC at the reboot, seen by the BIOS
// poll) → provide → deploy over virtual media (ramdisk deploy) → active → undeploy.
describe('redfish end to end through the virtual BMC (cross-process)', () => {
  const DEPLOY_ISO = 'http://images.example/ironic-python-agent.iso';
  const INSTANCE_ISO = 'http://images.example/live-instance.iso';
  let vbmc: Vbmc;
  let cluster: TestCluster;
  let http: IronicHttp;
  let systemId: string;
  let bmcUrl: string;

  beforeAll(async () => {
    vbmc = createVbmc({ mockup: 'dmtf-public-rackmount1', mockupsDir: sharedData('redfish-mockups'), systems: 2, credentials: { username: 'admin', password: 'secret' }, powerDelayMs: 200, taskDurationMs: 100 });
    bmcUrl = await vbmc.listen();
    systemId = vbmc.state.systemIds[1];
    cluster = await TestCluster.start({ conductors: 1, env: { SLIPWAY_REDFISH_STATUS_CHECK_INTERVAL: '1', SLIPWAY_CHECK_PROVISION_STATE_INTERVAL: '1' } });
    http = new IronicHttp(cluster.http.base, '1.87');
    await http.expect(201, 'POST', '/v1/nodes', {
      name: 'rf-e2e',
      driver: 'redfish',
      driver_info: {
        redfish_address: bmcUrl,
        redfish_system_id: `/redfish/v1/Systems/${systemId}`,
        redfish_username: 'admin',
        redfish_password: 'secret',
        deploy_iso: DEPLOY_ISO,
      },
    });
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
    await vbmc?.close();
  });

  const show = () => http.expect<Record<string, unknown>>(200, 'GET', '/v1/nodes/rf-e2e');
  async function reach(body: Record<string, unknown>, state: string): Promise<Record<string, unknown>> {
    expect((await http.request('PUT', '/v1/nodes/rf-e2e/states/provision', body)).status).toBe(202);
    let node: Record<string, unknown> = {};
    await waitUntil(
      async () => {
        node = await show();
        if (String(node.provision_state).endsWith('failed')) throw new Error(`the node failed: ${String(node.last_error)}`);
        return node.provision_state === state && node.target_provision_state === null && node.reservation === null;
      },
      `rf-e2e to rest in ${state}`,
      30_000,
      100,
    );
    return node;
  }

  it('gets the redfish interfaces Ironic gives the hardware type', async () => {
    expect(await show()).toMatchObject({
      provision_state: 'enroll',
      power_interface: 'redfish',
      management_interface: 'redfish',
      inspect_interface: 'redfish',
      bios_interface: 'redfish',
      boot_interface: 'redfish-virtual-media',
      deploy_interface: 'ramdisk',
    });
  });

  it('manages the node: the BMC answers and the power state is read', async () => {
    const node = await reach({ target: 'manage' }, 'manageable');
    expect(node.last_error).toBeNull();
    expect(node.power_state).toBe(vbmc.state.system(systemId).powerState === 'On' ? 'power on' : 'power off');
  });

  it('inspects out of band: properties from the System and a port per NIC MAC', async () => {
    const node = await reach({ target: 'inspect' }, 'manageable');
    expect(node.properties).toMatchObject({ cpus: 16, cpu_arch: 'x86_64', memory_mb: 98304, local_gb: 3724, capabilities: 'boot_mode:uefi' });
    const nics = await fetchJson(`/redfish/v1/Systems/${systemId}/EthernetInterfaces`);
    const macs = new Set<string>();
    for (const member of nics.Members as Array<{ '@odata.id': string }>) macs.add(String((await fetchJson(member['@odata.id'])).MACAddress).toLowerCase());
    const ports = await http.expect<{ ports: Array<{ address: string }> }>(200, 'GET', '/v1/ports?node=rf-e2e');
    expect(new Set(ports.ports.map((port) => port.address))).toEqual(macs);
    const inventory = await http.expect<{ inventory: { cpu: { count: number } } }>(200, 'GET', '/v1/nodes/rf-e2e/inventory');
    expect(inventory.inventory.cpu.count).toBe(16);
  });

  it('cleans with a BIOS setting, which the BMC applies at the reboot, and the BIOS cache shows it', async () => {
    expect(vbmc.state.system(systemId).biosAttributes.ProcTurboMode).toBe('Enabled');
    await reach({ target: 'clean', clean_steps: [{ interface: 'bios', step: 'apply_configuration', args: { settings: [{ name: 'ProcTurboMode', value: 'Disabled' }] } }] }, 'manageable');
    expect(vbmc.state.system(systemId).biosAttributes.ProcTurboMode).toBe('Disabled');
    const bios = await http.expect<{ bios: Array<{ name: string; value: string }> }>(200, 'GET', '/v1/nodes/rf-e2e/bios');
    expect(bios.bios.find((setting) => setting.name === 'ProcTurboMode')?.value).toBe('Disabled');
  });

  it('provides the node', async () => {
    expect((await reach({ target: 'provide' }, 'available')).last_error).toBeNull();
  });

  it('deploys by booting the instance ISO from the virtual CD, and ends active and powered on', async () => {
    await http.expect(200, 'PATCH', '/v1/nodes/rf-e2e', [{ op: 'add', path: '/instance_info/boot_iso', value: INSTANCE_ISO }]);
    const node = await reach({ target: 'active' }, 'active');
    expect(node.power_state).toBe('power on');
    const system = vbmc.state.system(systemId);
    expect(system.powerState).toBe('On');
    expect(system.lastBoot).toMatchObject({ target: 'Cd', media: INSTANCE_ISO });
    expect(system.boot).toMatchObject({ BootSourceOverrideTarget: 'Cd', BootSourceOverrideEnabled: 'Continuous' });
  });

  it('undeploys: powered off, the virtual media ejected, available again', async () => {
    const node = await reach({ target: 'deleted' }, 'available');
    expect(node.power_state).toBe('power off');
    expect(node.instance_info).toEqual({});
    const system = vbmc.state.system(systemId);
    expect(system.powerState).toBe('Off');
    expect(system.virtualMedia.every((slot) => !slot.inserted && slot.image === null)).toBe(true);
  });

  it('refuses malformed redfish driver_info at enrolment and on update (400, naming the key)', async () => {
    const created = await http.request<{ error_message: string }>('POST', '/v1/nodes', { name: 'rf-bad', driver: 'redfish', driver_info: { redfish_address: 'ftp://bmc.example' } });
    expect(created.status).toBe(400);
    expect(JSON.parse(created.body.error_message).faultstring).toMatch(/^Invalid Redfish address "ftp:\/\/bmc\.example": the scheme must be http or https, not ftp \(set in driver_info\/redfish_address on node \S+\)\.$/);
    const patched = await http.request<{ error_message: string }>('PATCH', '/v1/nodes/rf-e2e', [{ op: 'add', path: '/driver_info/redfish_system_id', value: 'https://bmc.example/redfish/v1/Systems/1' }]);
    expect(patched.status).toBe(400);
    expect(JSON.parse(patched.body.error_message).faultstring).toContain('driver_info/redfish_system_id on node');
  });

  it('fails manage with the systems the BMC has when redfish_system_id names none of them', async () => {
    await http.expect(201, 'POST', '/v1/nodes', {
      name: 'rf-lost',
      driver: 'redfish',
      driver_info: { redfish_address: bmcUrl, redfish_system_id: '/redfish/v1/Systems/no-such-system', redfish_username: 'admin', redfish_password: 'secret' },
    });
    expect((await http.request('PUT', '/v1/nodes/rf-lost/states/provision', { target: 'manage' })).status).toBe(202);
    let node: Record<string, unknown> = {};
    await waitUntil(async () => {
      node = await http.expect<Record<string, unknown>>(200, 'GET', '/v1/nodes/rf-lost');
      return node.provision_state === 'enroll' && node.last_error !== null && node.reservation === null;
    }, 'rf-lost to fail verification', 30_000, 100);
    expect(node.last_error).toContain('The BMC has no system at redfish_system_id /redfish/v1/Systems/no-such-system');
    expect(node.last_error).toContain(`/redfish/v1/Systems/${vbmc.state.systemIds[0]}`);
  });

  /** A resource straight from the BMC, to compare with what Slipway made of it. */
  async function fetchJson(path: string): Promise<Record<string, unknown>> {
    const response = await fetch(`${bmcUrl}${path}`, { headers: { authorization: `Basic ${Buffer.from('admin:secret').toString('base64')}` } });
    return (await response.json()) as Record<string, unknown>;
  }
});
