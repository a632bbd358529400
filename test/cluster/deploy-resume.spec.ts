import { IronicHttp, TestCluster, waitUntil } from '@slipway/testing';

// The headline of provisioning: kill -9 the conductor in the middle of a 10-step deploy, and the
// deploy still finishes, on the conductor that takes the node over, from the step it was on.
// An api and two conductors as separate processes, on the real PostgreSQL and RabbitMQ.
const report = (line: string) => process.stdout.write(`[deploy resume] ${line}\n`);

// Five user deploy steps between the fake deploy interface's five: ten steps in all.
const USER_STEPS = [
  { interface: 'management', step: 'reset_bmc', args: {}, priority: 90 },
  { interface: 'bios', step: 'factory_reset', args: {}, priority: 70 },
  { interface: 'bios', step: 'apply_configuration', args: { settings: [{ name: 'ProcTurboMode', value: 'Disabled' }] }, priority: 50 },
  { interface: 'raid', step: 'delete_configuration', args: {}, priority: 30 },
  { interface: 'raid', step: 'apply_configuration', args: { raid_config: { logical_disks: [{ size_gb: 100, raid_level: '1', is_root_volume: true }] } }, priority: 10 },
];

interface HistoryEntry {
  event: string;
  conductor: string;
}

describe('a deploy whose conductor is killed (cross-process)', () => {
  let cluster: TestCluster;
  let http: IronicHttp;

  beforeAll(async () => {
    cluster = await TestCluster.start({ conductors: 2 });
    http = cluster.http;
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  const history = async (uuid: string) => (await http.expect<{ history: HistoryEntry[] }>(200, 'GET', `/v1/nodes/${uuid}/history?detail=true`)).history;
  /** The deploy's step starts (the automated clean of `provide` has its own, of 1). */
  const stepStarts = async (uuid: string) => (await history(uuid)).filter((entry) => /^Step \d+\/10 /.test(entry.event));
  async function reach(uuid: string, target: string, state: string, timeoutMs = 20_000): Promise<Record<string, unknown>> {
    expect((await http.request('PUT', `/v1/nodes/${uuid}/states/provision`, target === 'active' ? { target, deploy_steps: USER_STEPS } : { target })).status).toBe(202);
    let node: Record<string, unknown> = {};
    await waitUntil(async () => (node = await http.expect(200, 'GET', `/v1/nodes/${uuid}`)).provision_state === state, `the node to reach ${state}`, timeoutMs, 100);
    return node;
  }

  it('finishes on the surviving conductor, each completed step run once and only the interrupted one twice', async () => {
    const [uuid] = await cluster.createNodes(1);
    await reach(uuid, 'manage', 'manageable');
    await reach(uuid, 'provide', 'available');
    // Every fake operation now takes 1 s, so each step takes one to three seconds.
    await http.expect(200, 'PATCH', `/v1/nodes/${uuid}`, [{ op: 'add', path: '/driver_info/fake_delay', value: 1 }]);
    const owner = (await cluster.owners()).get(uuid) as string;
    const survivor = cluster.hosts.find((host) => host !== owner) as string;

    expect((await http.request('PUT', `/v1/nodes/${uuid}/states/provision`, { target: 'active', deploy_steps: USER_STEPS })).status).toBe(202);
    await waitUntil(async () => (await stepStarts(uuid)).length === 4, 'the fourth step to start', 30_000, 50);
    await cluster.kill(owner);
    const killedAt = Date.now();
    report(`killed ${owner} during step 4 of 10`);

    await waitUntil(async () => (await http.expect(200, 'GET', `/v1/nodes/${uuid}`)).provision_state === 'active', 'the deploy to finish', 90_000, 200);
    report(`kill -9 to active: ${Date.now() - killedAt} ms`);
    const node = await http.expect(200, 'GET', `/v1/nodes/${uuid}`);
    expect(node).toMatchObject({ provision_state: 'active', target_provision_state: null, last_error: null, reservation: null, power_state: 'power on', deploy_step: {} });
    // The user steps did their work: the BIOS setting and the RAID volume are there.
    expect(node.raid_config).toMatchObject({ logical_disks: [expect.objectContaining({ size_gb: 100, raid_level: '1' })] });
    expect(node.driver_internal_info).toMatchObject({ fake_bios_settings: { ProcTurboMode: 'Disabled' } });

    const starts = await stepStarts(uuid);
    const runs = new Map<string, string[]>();
    for (const entry of starts) {
      const step = entry.event.replace(/ started$/, '');
      runs.set(step, [...(runs.get(step) ?? []), entry.conductor]);
    }
    expect(runs.size).toBe(10);
    const [first, second, third, interrupted, ...rest] = [...runs.entries()];
    for (const [, conductors] of [first, second, third]) expect(conductors).toEqual([owner]);
    expect(interrupted[0]).toMatch(/^Step 4\/10 /);
    expect(interrupted[1]).toEqual([owner, survivor]);
    for (const [, conductors] of rest) expect(conductors).toEqual([survivor]);
    const events = (await history(uuid)).map((entry) => entry.event);
    expect(events).toContain(`Resuming deploying on conductor ${survivor}: conductor ${owner}, which was doing it, is not alive.`);
  }, 150_000);
});

describe('a deploy whose only conductor is killed and started again under the same hostname (cross-process)', () => {
  let cluster: TestCluster;
  let http: IronicHttp;

  beforeAll(async () => {
    cluster = await TestCluster.start({ conductors: 1, env: { SLIPWAY_CHECK_PROVISION_STATE_INTERVAL: '2' } });
    http = cluster.http;
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  const show = (uuid: string) => http.expect<Record<string, unknown>>(200, 'GET', `/v1/nodes/${uuid}`);
  async function reach(uuid: string, target: string, state: string): Promise<void> {
    expect((await http.request('PUT', `/v1/nodes/${uuid}/states/provision`, { target })).status).toBe(202);
    await waitUntil(async () => (await show(uuid)).provision_state === state, `the node to reach ${state}`, 20_000, 100);
  }

  it('resumes the deploy its previous run left: the locks it frees at start are not the end of the work', async () => {
    const [uuid] = await cluster.createNodes(1);
    await reach(uuid, 'manage', 'manageable');
    await reach(uuid, 'provide', 'available');
    await http.expect(200, 'PATCH', `/v1/nodes/${uuid}`, [{ op: 'add', path: '/driver_info/fake_delay', value: 1 }]);
    const [host] = cluster.hosts;

    expect((await http.request('PUT', `/v1/nodes/${uuid}/states/provision`, { target: 'active' })).status).toBe(202);
    await waitUntil(async () => (await show(uuid)).provision_state === 'deploying' && (await show(uuid)).reservation === host, 'the deploy to run', 20_000, 50);
    await cluster.kill(host);
    report(`killed ${host} during its deploy; starting it again`);
    await cluster.startConductor(host);

    await waitUntil(async () => (await show(uuid)).provision_state === 'active', 'the deploy to finish after the restart', 90_000, 200);
    expect(await show(uuid)).toMatchObject({ provision_state: 'active', last_error: null, reservation: null, power_state: 'power on' });
    const events = (await http.expect<{ history: HistoryEntry[] }>(200, 'GET', `/v1/nodes/${uuid}/history?detail=true`)).history.map((entry) => entry.event);
    expect(events).toContain(`Resuming deploying on conductor ${host}: conductor ${host} (its previous run), which was doing it, is not alive.`);
  }, 150_000);
});
