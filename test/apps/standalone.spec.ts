import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnApp, SpawnedApp } from '@slipway/testing';

// Standalone mode as a user runs it: one process, embedded database, no external service.
describe('standalone mode (cross-process)', () => {
  let dataDir: string;
  let port: number;
  let app: SpawnedApp | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'slipway-standalone-'));
    port = await freePort();
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const start = () => spawnApp('standalone', { SLIPWAY_DATA_DIR: dataDir, SLIPWAY_API_PORT: String(port) });

  it('starts on embedded defaults, says where it listens, and answers Ironic and health requests', async () => {
    app = start();
    const [, url] = await app.waitFor(/Ironic API at (http:\/\/\S+)\/v1/, 30_000);
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(app.stdout()).toContain('standalone mode (embedded database in');

    const v1 = await fetch(`${url}/v1`);
    expect(v1.status).toBe(200);
    expect(v1.headers.get('x-openstack-ironic-api-version')).toBe('1.1');
    expect(((await v1.json()) as { version: { version: string } }).version.version).toBe('1.87');

    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: { ok: true }, broker: { ok: true }, redis: { ok: true } } });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/api/v1.0/health`)).status).toBe(204);
  });

  it('stops cleanly on SIGTERM and keeps its data for the next start', async () => {
    app = start();
    await app.waitFor(/Ironic API at/, 30_000);
    expect(await app.stop()).toBe(0);
    expect(app.stdout()).toContain('slipway stopped');

    app = start();
    await app.waitFor(/Ironic API at/, 30_000);
    // The schema built by the first start is still there: nothing left to migrate.
    expect(app.stdout()).toContain('schema up to date');
    expect((await fetch(`http://127.0.0.1:${port}/v1`)).status).toBe(200);
  });

  it('refuses a second process on the same data folder, naming the folder', async () => {
    app = start();
    await app.waitFor(/Ironic API at/, 30_000);
    const second = spawnApp('standalone', { SLIPWAY_DATA_DIR: dataDir, SLIPWAY_API_PORT: String(await freePort()) });
    expect(await second.exited()).toBe(1);
    expect(second.stderr()).toContain('SLIPWAY_DATA_DIR');
    expect(second.stderr()).toContain(dataDir);
    expect(second.stderr()).not.toMatch(/^\s+at /m);
  });
});
