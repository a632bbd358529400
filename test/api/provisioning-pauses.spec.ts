import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, IronicHttp, spawnApp, SpawnedApp, waitUntil } from '@slipway/testing';

// Reserved steps (hold, wait, power_*), unhold, abort, the concurrency limits and the automated
// clean setting, through the API on fake hardware, in one standalone process that allows two
// deploys at once and does not clean automatically unless a node asks for it.
describe('provisioning pauses, aborts and limits (cross-process)', () => {
  let dir: string;
  let app: SpawnedApp;
  let http: IronicHttp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-pauses-'));
    const port = await freePort();
    app = spawnApp('standalone', { SLIPWAY_DATA_DIR: dir, SLIPWAY_API_PORT: String(port), SLIPWAY_MAX_CONCURRENT_DEPLOY: '2', SLIPWAY_AUTOMATED_CLEAN: 'false' });
    await app.waitFor(/Ironic API at/, 30_000);
    http = new IronicHttp(`http://127.0.0.1:${port}`, '1.87');
  });
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const show = (name: string) => http.expect<Record<string, unknown>>(200, 'GET', `/v1/nodes/${name}`);
  const act = (name: string, body: Record<string, unknown>) => http.request('PUT', `/v1/nodes/${name}/states/provision`, body);
  async function settle(name: string, state: string, target: string | null = null): Promise<Record<string, unknown>> {
    let node: Record<string, unknown> = {};
    await waitUntil(async () => {
      node = await show(name);
      return node.provision_state === state && node.target_provision_state === target && node.reservation === null;
    }, `${name} to rest in ${state}`, 20_000, 50);
    return node;
  }
  async function reach(name: string, body: Record<string, unknown>, state: string, target: string | null = null): Promise<Record<string, unknown>> {
    expect((await act(name, body)).status).toBe(202);
    return settle(name, state, target);
  }
  async function available(name: string, driverInfo: Record<string, unknown> = {}): Promise<void> {
    await http.expect(201, 'POST', '/v1/nodes', { name, driver: 'fake-hardware', driver_info: driverInfo });
    await reach(name, { target: 'manage' }, 'manageable');
    await reach(name, { target: 'provide' }, 'available');
  }
  const events = async (name: string) => (await http.expect<{ history: { event: string }[] }>(200, 'GET', `/v1/nodes/${name}/history`)).history.map((entry) => entry.event);

  it('cleans on provide only the nodes that ask for it when SLIPWAY_AUTOMATED_CLEAN is false', async () => {
    await available('unclean');
    await http.expect(201, 'POST', '/v1/nodes', { name: 'scrubbed', driver: 'fake-hardware', automated_clean: true });
    await reach('scrubbed', { target: 'manage' }, 'manageable');
    await reach('scrubbed', { target: 'provide' }, 'available');
    expect((await events('unclean')).filter((event) => event.startsWith('Step '))).toEqual([]);
    expect((await events('scrubbed')).filter((event) => event.startsWith('Step '))).toEqual(['Step 1/1 deploy.erase_devices started']);
  });

  it('holds a deploy at a hold step, and goes on after it on unhold', async () => {
    await available('held');
    const held = await reach('held', { target: 'active', deploy_steps: [{ interface: 'deploy', step: 'hold', args: {}, priority: 50 }] }, 'deploy hold', 'active');
    expect(held.deploy_step).toMatchObject({ interface: 'deploy', step: 'hold' });
    expect(held.power_state).toBe('power on'); // deploy (100) rebooted it; write_image and prepare_instance_boot ran too
    const done = await reach('held', { target: 'unhold' }, 'active');
    expect(done).toMatchObject({ last_error: null, deploy_step: {} });
    expect(await events('held')).toEqual(
      expect.arrayContaining(['Event "hold": deploying -> deploy hold', 'Event "unhold": deploy hold -> wait call-back', 'Event "resume": wait call-back -> deploying', 'Step 4/6 deploy.hold started', 'Step 5/6 deploy.tear_down_agent started']),
    );
  });

  it('waits the seconds of a wait step in clean wait, then finishes the manual clean', async () => {
    await available('patient');
    await reach('patient', { target: 'manage' }, 'manageable');
    const steps = [
      { interface: 'deploy', step: 'wait', args: { seconds: 1 } },
      { interface: 'management', step: 'reset_bmc' },
    ];
    expect((await act('patient', { target: 'clean', clean_steps: steps })).status).toBe(202);
    await waitUntil(async () => (await show('patient')).provision_state === 'clean wait', 'the clean to wait', 5_000, 20);
    expect((await show('patient')).target_provision_state).toBe('manageable');
    const cleaned = await settle('patient', 'manageable');
    expect(cleaned.driver_internal_info).toMatchObject({ fake_bmc_reset_count: 1 });
    expect(await events('patient')).toEqual(expect.arrayContaining(['Event "wait": cleaning -> clean wait', 'Event "resume": clean wait -> cleaning']));
  });

  it('aborts a held clean: clean failed, with last_error, then manageable again', async () => {
    await available('aborted');
    await reach('aborted', { target: 'manage' }, 'manageable');
    await reach('aborted', { target: 'clean', clean_steps: [{ interface: 'deploy', step: 'hold' }] }, 'clean hold', 'manageable');
    const failed = await reach('aborted', { target: 'abort' }, 'clean failed', 'available');
    expect(failed).toMatchObject({ last_error: 'The cleaning was aborted on request.', clean_step: {} });
    expect(failed.driver_internal_info).not.toHaveProperty('clean_steps');
    await reach('aborted', { target: 'manage' }, 'manageable');
    // Abort is only for waits, holds and service failed.
    const refused = await act('aborted', { target: 'abort' });
    expect(refused.status).toBe(400);
  });

  it('aborts a clean waiting for a callback that never comes', async () => {
    await available('stranded');
    await reach('stranded', { target: 'manage' }, 'manageable');
    await reach('stranded', { target: 'clean', clean_steps: [{ interface: 'deploy', step: 'wait' }] }, 'clean wait', 'manageable');
    const failed = await reach('stranded', { target: 'abort' }, 'clean failed', 'available');
    expect(failed.last_error).toBe('The cleaning was aborted on request.');
    expect(await events('stranded')).toEqual(expect.arrayContaining(['Event "wait": cleaning -> clean wait', 'Event "abort": clean wait -> clean failed']));
  });

  it('puts a node whose cleaning fails into maintenance with fault "clean failure", as Ironic does', async () => {
    await available('dirty', {});
    await reach('dirty', { target: 'manage' }, 'manageable');
    await http.expect(200, 'PATCH', '/v1/nodes/dirty', [{ op: 'add', path: '/driver_info/fake_fail', value: 'reset_bmc' }]);
    const failed = await reach('dirty', { target: 'clean', clean_steps: [{ interface: 'management', step: 'reset_bmc' }] }, 'clean failed', 'available');
    expect(failed.last_error).toMatch(/fake management operation reset_bmc failed/);
    expect(failed).toMatchObject({ maintenance: true, fault: 'clean failure', maintenance_reason: failed.last_error });
    // The operator fixes the hardware, ends maintenance, and manages the node again.
    await http.expect(200, 'PATCH', '/v1/nodes/dirty', [{ op: 'remove', path: '/driver_info/fake_fail' }]);
    expect((await http.request('DELETE', '/v1/nodes/dirty/maintenance')).status).toBe(202);
    await waitUntil(async () => (await show('dirty')).maintenance === false, 'maintenance to end');
    expect(await reach('dirty', { target: 'manage' }, 'manageable')).toMatchObject({ maintenance: false, fault: null });
  });

  it('runs the reserved power steps of a service', async () => {
    await available('serviced');
    await reach('serviced', { target: 'active' }, 'active');
    const steps = [
      { interface: 'power', step: 'power_off' },
      { interface: 'power', step: 'power_on' },
    ];
    const serviced = await reach('serviced', { target: 'service', service_steps: steps }, 'active');
    expect(serviced).toMatchObject({ power_state: 'power on', last_error: null });
    expect(await events('serviced')).toEqual(expect.arrayContaining(['Step 1/2 power.power_off started', 'Step 2/2 power.power_on started']));
    const badWait = await act('serviced', { target: 'service', service_steps: [{ interface: 'power', step: 'wait', args: { seconds: -1 } }] });
    expect([badWait.status, IronicHttp.faultOf(badWait.body)]).toEqual([400, 'Step wait: seconds must be a non-negative integer, got -1.']);
  });

  it('refuses a deploy beyond SLIPWAY_MAX_CONCURRENT_DEPLOY with 503, leaving the node available', async () => {
    for (const name of ['slow-1', 'slow-2', 'third']) await available(name, { fake_delay: 0 });
    for (const name of ['slow-1', 'slow-2']) await http.expect(200, 'PATCH', `/v1/nodes/${name}`, [{ op: 'add', path: '/driver_info/fake_delay', value: 0.5 }]);
    for (const name of ['slow-1', 'slow-2']) expect((await act(name, { target: 'active' })).status).toBe(202);
    const refused = await act('third', { target: 'active' });
    expect(refused.status).toBe(503);
    expect(IronicHttp.faultOf(refused.body)).toBe('The request cannot be processed now: too many deploy actions are running. Try again later, or ask your administrator.');
    expect(await show('third')).toMatchObject({ provision_state: 'available', target_provision_state: null });
    for (const name of ['slow-1', 'slow-2']) await settle(name, 'active');
    await reach('third', { target: 'active' }, 'active');
  }, 60_000);
});
