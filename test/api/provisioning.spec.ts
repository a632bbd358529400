import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnApp, SpawnedApp } from '@slipway/testing';

// Provision actions through the API on fake hardware, in one standalone process.
describe('provisioning through the API (cross-process)', () => {
  let dir: string;
  let app: SpawnedApp;
  let nodes: string;
  const headers = { 'content-type': 'application/json', 'x-openstack-ironic-api-version': '1.82' };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-provision-'));
    const port = await freePort();
    nodes = `http://127.0.0.1:${port}/v1/nodes`;
    app = spawnApp('standalone', { SLIPWAY_DATA_DIR: dir, SLIPWAY_API_PORT: String(port) });
    await app.waitFor(/Ironic API at/, 30_000);
  });
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function create(name: string, driverInfo: Record<string, unknown> = {}): Promise<string> {
    const response = await fetch(nodes, { method: 'POST', headers, body: JSON.stringify({ name, driver: 'fake-hardware', driver_info: driverInfo }) });
    expect(response.status).toBe(201);
    return name;
  }
  async function show(name: string): Promise<Record<string, unknown>> {
    return (await (await fetch(`${nodes}/${name}`, { headers })).json()) as Record<string, unknown>;
  }
  async function act(name: string, body: Record<string, unknown>): Promise<Response> {
    return fetch(`${nodes}/${name}/states/provision`, { method: 'PUT', headers, body: JSON.stringify(body) });
  }
  /** Sends the action and waits until the node rests in `state` (Ironic clients poll the same way). */
  async function reach(name: string, body: Record<string, unknown>, state: string, target: string | null = null): Promise<Record<string, unknown>> {
    const response = await act(name, body);
    expect(response.status).toBe(202);
    expect(response.headers.get('location')).toMatch(/\/v1\/nodes\/[0-9a-f-]{36}\/states$/);
    expect(await response.text()).toBe('');
    for (let i = 0; i < 100; i++) {
      const node = await show(name);
      if (node.provision_state === state && node.target_provision_state === target) return node;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${name} did not reach ${state}: ${JSON.stringify(await show(name))}`);
  }

  it('goes enroll → manageable → available → active → available with fake deploy steps and cleaning', async () => {
    await create('life');
    expect((await show('life')).provision_state).toBe('enroll');
    expect((await reach('life', { target: 'manage' }, 'manageable')).power_state).toBe('power off');
    await reach('life', { target: 'provide' }, 'available');
    const active = await reach('life', { target: 'active' }, 'active');
    expect(active.power_state).toBe('power on');
    expect(active.deploy_step).toEqual({});
    expect(active.provision_updated_at).toEqual(expect.any(String));
    const undeployed = await reach('life', { target: 'deleted' }, 'available');
    expect(undeployed.power_state).toBe('power off');
    expect(undeployed.instance_info).toEqual({});

    // Every transition and every step start is journalled, with the conductor that made it.
    const history = (await (await fetch(`${nodes}/life/history?detail=true`, { headers })).json()) as { history: Array<Record<string, string>> };
    expect(history.history.map((entry) => entry.event)).toEqual([
      'Event "manage": enroll -> verifying',
      'Event "done": verifying -> manageable',
      'Event "provide": manageable -> cleaning',
      'Step 1/1 deploy.erase_devices started',
      'Event "done": cleaning -> available',
      'Event "deploy": available -> deploying',
      'Step 1/5 deploy.deploy started',
      'Step 2/5 deploy.write_image started',
      'Step 3/5 deploy.prepare_instance_boot started',
      'Step 4/5 deploy.tear_down_agent started',
      'Step 5/5 deploy.boot_instance started',
      'Event "done": deploying -> active',
      'Event "delete": active -> deleting',
      'Event "clean": deleting -> cleaning',
      'Step 1/1 deploy.erase_devices started',
      'Event "done": cleaning -> available',
    ]);
    expect(new Set(history.history.map((entry) => entry.conductor)).size).toBe(1);
    expect(history.history[0].conductor).toEqual(expect.any(String));
  });

  it('inspects, cleans manually with the requested steps, and accepts the 1.73 verbs', async () => {
    await create('ops');
    await reach('ops', { target: 'manage' }, 'manageable');
    await reach('ops', { target: 'inspect' }, 'manageable');
    await reach('ops', { target: 'clean', clean_steps: [{ interface: 'deploy', step: 'erase_devices' }] }, 'manageable');
    await reach('ops', { target: 'provide' }, 'available');
    await reach('ops', { target: 'deploy' }, 'active');
    await reach('ops', { target: 'undeploy' }, 'available');
  });

  it('fails a deploy whose step breaks, with last_error, and deploys again once fixed', async () => {
    await create('broken', { fake_fail: 'deploy.write_image' });
    await reach('broken', { target: 'manage' }, 'manageable');
    await reach('broken', { target: 'provide' }, 'available');
    // Ironic keeps `active` as the target of a failed deploy.
    const failed = await reach('broken', { target: 'active' }, 'deploy failed', 'active');
    expect(failed.last_error).toMatch(/write_image/);
    expect(failed.deploy_step).toEqual({});
    expect(failed.driver_internal_info).not.toHaveProperty('deploy_steps');
    const journal = (await (await fetch(`${nodes}/broken/history`, { headers })).json()) as { history: Array<Record<string, string>> };
    expect(journal.history).toContainEqual(expect.objectContaining({ severity: 'ERROR', event: failed.last_error }));
    const patched = await fetch(`${nodes}/broken`, { method: 'PATCH', headers, body: JSON.stringify([{ op: 'remove', path: '/driver_info/fake_fail' }]) });
    expect(patched.status).toBe(200);
    const deployed = await reach('broken', { target: 'active' }, 'active');
    expect(deployed.last_error).toBeNull();
  });

  it('works for a node whose uuid is not an RFC 4122 one, as Ironic accepts any hex uuid', async () => {
    const uuid = '11111111-2222-3333-4444-555555555555';
    const created = await fetch(nodes, { method: 'POST', headers, body: JSON.stringify({ uuid, name: 'loose-uuid', driver: 'fake-hardware' }) });
    expect(created.status).toBe(201);
    await reach('loose-uuid', { target: 'manage' }, 'manageable');
    expect((await show(uuid)).provision_state).toBe('manageable');
  });

  it('rescues and unrescues an active node', async () => {
    await create('rescued');
    await reach('rescued', { target: 'manage' }, 'manageable');
    await reach('rescued', { target: 'provide' }, 'available');
    await reach('rescued', { target: 'active' }, 'active');
    await reach('rescued', { target: 'rescue', rescue_password: 'pw' }, 'rescue');
    await reach('rescued', { target: 'unrescue' }, 'active');
  });

  it('refuses what the state machine or the version does not allow, with Ironic messages, and changes nothing', async () => {
    await create('strict');
    const provide = await act('strict', { target: 'provide' });
    expect(provide.status).toBe(400);
    const fault = JSON.parse(((await provide.json()) as { error_message: string }).error_message) as { faultstring: string };
    expect(fault.faultstring).toMatch(/^The requested action "provide" can not be performed on node "[0-9a-f-]{36}" while it is in state "enroll"\.$/);
    expect((await act('strict', { target: 'fly' })).status).toBe(400);
    expect((await act('strict', {})).status).toBe(400);
    // Before 1.4 there is no `manage` (and before 1.5 no names: the uuid addresses the node).
    const uuid = (await show('strict')).uuid as string;
    const tooNew = await fetch(`${nodes}/${uuid}/states/provision`, { method: 'PUT', headers: { ...headers, 'x-openstack-ironic-api-version': '1.3' }, body: JSON.stringify({ target: 'manage' }) });
    expect(tooNew.status).toBe(406);
    expect((await act('strict', { target: 'rescue' })).status).toBe(400);
    expect((await show('strict')).provision_state).toBe('enroll');
  });

  it('refuses a deploy or clean with an unknown step or bad arguments (400 naming it), and leaves the node where it was', async () => {
    await create('picky');
    await reach('picky', { target: 'manage' }, 'manageable');
    const faultOf = async (response: Response) => (JSON.parse(((await response.json()) as { error_message: string }).error_message) as { faultstring: string }).faultstring;
    const uuid = (await show('picky')).uuid as string;

    const unknownClean = await act('picky', { target: 'clean', clean_steps: [{ interface: 'bios', step: 'overclock' }] });
    expect([unknownClean.status, await faultOf(unknownClean)]).toEqual([400, `The bios interface of node ${uuid} has no clean step overclock.`]);
    const badArgs = await act('picky', { target: 'clean', clean_steps: [{ interface: 'bios', step: 'apply_configuration', args: { settings: [], extra: 1 } }] });
    expect([badArgs.status, await faultOf(badArgs)]).toEqual([400, 'Step bios.apply_configuration: unexpected arguments extra.']);
    expect(await show('picky')).toMatchObject({ provision_state: 'manageable', target_provision_state: null, last_error: null });

    await reach('picky', { target: 'provide' }, 'available');
    const unknownDeploy = await act('picky', { target: 'active', deploy_steps: [{ interface: 'deploy', step: 'levitate', args: {}, priority: 50 }] });
    expect([unknownDeploy.status, await faultOf(unknownDeploy)]).toEqual([400, `The deploy interface of node ${uuid} has no deploy step levitate.`]);
    const missingArgs = await act('picky', { target: 'active', deploy_steps: [{ interface: 'bios', step: 'apply_configuration', args: {}, priority: 50 }] });
    expect([missingArgs.status, await faultOf(missingArgs)]).toEqual([400, 'Step bios.apply_configuration: missing required arguments settings.']);
    expect(await show('picky')).toMatchObject({ provision_state: 'available', target_provision_state: null, last_error: null, deploy_step: {} });
  });

  it('applies the deploy templates named by the instance traits, and refuses one that does not fit the node', async () => {
    const post = (path: string, body: unknown, method = 'POST') => fetch(`${nodes.replace(/\/nodes$/, '')}${path}`, { method, headers, body: JSON.stringify(body) });
    const raid = { logical_disks: [{ size_gb: 200, raid_level: '1', is_root_volume: true }] };
    const template = {
      name: 'CUSTOM_RAID1',
      steps: [
        { interface: 'raid', step: 'apply_configuration', args: { raid_config: raid }, priority: 70 },
        { interface: 'bios', step: 'apply_configuration', args: { settings: [{ name: 'LogicalProc', value: 'Disabled' }] }, priority: 65 },
      ],
    };
    expect((await post('/deploy_templates', template)).status).toBe(201);
    expect((await post('/deploy_templates', { name: 'CUSTOM_LEVITATE', steps: [{ interface: 'deploy', step: 'levitate', args: {}, priority: 10 }] })).status).toBe(201);

    await create('templated');
    const uuid = (await show('templated')).uuid as string;
    for (const trait of ['CUSTOM_RAID1', 'CUSTOM_LEVITATE']) expect((await post(`/nodes/templated/traits/${trait}`, undefined, 'PUT')).status).toBe(204);
    await reach('templated', { target: 'manage' }, 'manageable');
    await reach('templated', { target: 'provide' }, 'available');
    const setInstanceTraits = (traits: string[]) => fetch(`${nodes}/templated`, { method: 'PATCH', headers, body: JSON.stringify([{ op: 'add', path: '/instance_info/traits', value: traits }]) });
    const faultOf = async (response: Response) => (JSON.parse(((await response.json()) as { error_message: string }).error_message) as { faultstring: string }).faultstring;

    expect((await setInstanceTraits(['CUSTOM_LEVITATE'])).status).toBe(200);
    const misfit = await act('templated', { target: 'active' });
    expect([misfit.status, await faultOf(misfit)]).toEqual([400, `Deploy template CUSTOM_LEVITATE does not fit node ${uuid}: The deploy interface of node ${uuid} has no deploy step levitate.`]);
    expect((await setInstanceTraits(['CUSTOM_GPU'])).status).toBe(200);
    const foreign = await act('templated', { target: 'active' });
    expect([foreign.status, await faultOf(foreign)]).toEqual([400, `Instance traits must also be traits of node ${uuid}; it lacks CUSTOM_GPU.`]);
    expect((await show('templated')).provision_state).toBe('available');

    expect((await setInstanceTraits(['CUSTOM_RAID1'])).status).toBe(200);
    const deployed = await reach('templated', { target: 'active' }, 'active');
    expect(deployed.raid_config).toMatchObject({ logical_disks: [expect.objectContaining({ size_gb: 200, raid_level: '1' })] });
    expect(deployed.driver_internal_info).toMatchObject({ fake_bios_settings: { LogicalProc: 'Disabled' } });
    // The conductor cached the settings after the bios step, as Ironic does: /bios lists them.
    const bios = (await (await fetch(`${nodes}/templated/bios`, { headers })).json()) as { bios: Array<{ name: string; value: string }> };
    expect(bios.bios.map(({ name, value }) => ({ name, value }))).toEqual(expect.arrayContaining([{ name: 'LogicalProc', value: 'Disabled' }, { name: 'NumLock', value: 'On' }]));
    const history = (await (await fetch(`${nodes}/templated/history`, { headers })).json()) as { history: Array<{ event: string }> };
    expect(history.history.map((entry) => entry.event).filter((event) => event.startsWith('Step ') && event.includes('/7 '))).toEqual([
      'Step 1/7 deploy.deploy started',
      'Step 2/7 deploy.write_image started',
      'Step 3/7 raid.apply_configuration started',
      'Step 4/7 bios.apply_configuration started',
      'Step 5/7 deploy.prepare_instance_boot started',
      'Step 6/7 deploy.tear_down_agent started',
      'Step 7/7 deploy.boot_instance started',
    ]);
  });

  it('adopts a manageable node as active, taking its running instance over without deploying', async () => {
    await create('adopted');
    await reach('adopted', { target: 'manage' }, 'manageable');
    const adopted = await reach('adopted', { target: 'adopt' }, 'active');
    expect(adopted).toMatchObject({ last_error: null, deploy_step: {} });
    const history = (await (await fetch(`${nodes}/adopted/history`, { headers })).json()) as { history: Array<{ event: string }> };
    const events = history.history.map((entry) => entry.event);
    expect(events).toEqual(expect.arrayContaining(['Event "adopt": manageable -> adopting', 'Event "done": adopting -> active']));
    expect(events.some((event) => event.startsWith('Step '))).toBe(false);
    // Undeploying an adopted node cleans it like any other.
    await reach('adopted', { target: 'deleted' }, 'available');
  });
});
