import { sharedData } from '@slipway/test-data';
import { createVbmc, Vbmc } from './index';
import { SYSTEM_1, SYSTEM_2, testVbmc } from './__fixtures__/vbmc-fixture';

// Faults, stuck power and stats over a real socket: a dropped connection only exists there.
describe('fault injection and stats', () => {
  let vbmc: Vbmc;
  let base: string;
  beforeAll(async () => {
    vbmc = createVbmc({ mockup: 'dmtf-public-rackmount1', mockupsDir: sharedData('redfish-mockups'), systems: 2 });
    base = await vbmc.listen();
  });
  afterAll(() => vbmc.close());
  afterEach(() => fetch(`${base}/vbmc/faults`, { method: 'DELETE' }));

  const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  it('adds latency', async () => {
    expect((await fetch(`${base}/vbmc/faults`, { method: 'PUT', ...json({ latencyMs: 150 }) })).status).toBe(200);
    const started = Date.now();
    expect((await fetch(`${base}${SYSTEM_1}`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers injected 5xx errors, with Retry-After, only for the chosen systems', async () => {
    const put = await fetch(`${base}/vbmc/faults`, { method: 'PUT', ...json({ errorStatus: 503, systems: ['437xr1138r2-0001'], retryAfterSeconds: 2 }) });
    expect(await put.json()).toEqual({ errorStatus: 503, systems: ['437XR1138R2-0001'], retryAfterSeconds: 2 });
    const failed = await fetch(`${base}${SYSTEM_1}/Bios`);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('2');
    expect(((await failed.json()) as { error: { code: string } }).error.code).toBe('Base.1.8.InternalError');
    expect((await fetch(`${base}${SYSTEM_2}`)).status).toBe(200);
    expect((await fetch(`${base}/redfish/v1`)).status).toBe(200);
    await fetch(`${base}/vbmc/faults`, { method: 'DELETE' });
    expect((await fetch(`${base}${SYSTEM_1}`)).status).toBe(200);
  });

  it('drops connections without answering', async () => {
    vbmc.setFaults({ dropRate: 1, systems: ['437XR1138R2-0002'] });
    await expect(fetch(`${base}${SYSTEM_2}`)).rejects.toThrow();
    expect((await fetch(`${base}${SYSTEM_1}`)).status).toBe(200);
    // A dropped request is not acted on.
    await expect(fetch(`${base}${SYSTEM_2}/Actions/ComputerSystem.Reset`, { method: 'POST', ...json({ ResetType: 'ForceOff' }) })).rejects.toThrow();
    vbmc.clearFaults();
    expect(vbmc.state.system('437XR1138R2-0002').powerState).toBe('On');
    expect((await fetch(`${base}${SYSTEM_2}`)).status).toBe(200);
  });

  it('applies error and drop rates', () => {
    let next = 0;
    const draws = [0.1, 0.9];
    const { vbmc: seeded } = testVbmc({ random: () => draws[next++ % 2] });
    seeded.setFaults({ errorStatus: 500, errorRate: 0.5 });
    return Promise.all([seeded.server.inject({ url: SYSTEM_1 }), seeded.server.inject({ url: SYSTEM_1 })]).then((answers) => {
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 500]);
    });
  });

  it('refuses bad fault settings with every problem listed', async () => {
    const bad = await fetch(`${base}/vbmc/faults`, { method: 'PUT', ...json({ errorRate: 2, dropRate: -1, systems: ['nope'], colour: 'red' }) });
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: string };
    for (const part of ['errorRate', 'dropRate', 'unknown systems: nope', 'unknown setting colour']) expect(error).toContain(part);
    expect(() => vbmc.setFaults({ errorStatus: 200 })).toThrow(/errorStatus must be/);
  });

  it('makes a system ignore power changes through POST /vbmc/systems/<id>/stuck-power', async () => {
    expect((await fetch(`${base}/vbmc/systems/437XR1138R2-0002/stuck-power`, { method: 'POST', ...json({ stuck: true }) })).status).toBe(200);
    await fetch(`${base}${SYSTEM_2}/Actions/ComputerSystem.Reset`, { method: 'POST', ...json({ ResetType: 'ForceOff' }) });
    expect(((await (await fetch(`${base}${SYSTEM_2}`)).json()) as { PowerState: string }).PowerState).toBe('On');
    const snapshot = await (await fetch(`${base}/vbmc/systems/437XR1138R2-0002`)).json();
    expect(snapshot).toMatchObject({ id: '437XR1138R2-0002', powerState: 'On', stuckPower: true });
    expect((await fetch(`${base}/vbmc/systems/nope/stuck-power`, { method: 'POST', ...json({ stuck: true }) })).status).toBe(404);
    expect((await fetch(`${base}/vbmc/systems/437XR1138R2-0002/stuck-power`, { method: 'POST', ...json({ stuck: 'yes' }) })).status).toBe(400);
    await fetch(`${base}/vbmc/systems/437XR1138R2-0002/stuck-power`, { method: 'POST', ...json({ stuck: false }) });
    expect((await (await fetch(`${base}/vbmc/systems`)).json())).toEqual([
      { id: '437XR1138R2-0001', path: SYSTEM_1 },
      { id: '437XR1138R2-0002', path: SYSTEM_2 },
    ]);
  });

  it('counts requests and the most in flight at once for one system', async () => {
    expect((await fetch(`${base}/vbmc/stats`, { method: 'DELETE' })).status).toBe(204);
    vbmc.setFaults({ latencyMs: 100 });
    await Promise.all([
      ...[1, 2, 3, 4].map(() => fetch(`${base}${SYSTEM_1}/Processors`).then((r) => r.arrayBuffer())),
      ...[1, 2].map(() => fetch(`${base}${SYSTEM_2}`).then((r) => r.arrayBuffer())),
      fetch(`${base}/redfish/v1`).then((r) => r.arrayBuffer()),
    ]);
    const stats = await (await fetch(`${base}/vbmc/stats`)).json();
    expect(stats).toEqual({ requests: 7, maxConcurrentPerSystem: 4, sessions: 0 });
    vbmc.resetStats();
    expect(vbmc.stats()).toEqual({ requests: 0, maxConcurrentPerSystem: 0, sessions: 0 });
  });
});

describe('--latency-ms', () => {
  it('delays every Redfish answer', async () => {
    const { vbmc, call } = testVbmc({ latencyMs: 100 });
    const started = Date.now();
    await call('GET', '/redfish/v1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    await vbmc.close();
  });
});
