import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashSync } from 'bcryptjs';
import { freePort, spawnApp, SpawnedApp } from '@slipway/testing';

// SLIPWAY_AUTH_STRATEGY=http_basic, as Ironic's: an htpasswd file of bcrypt entries.
describe('http_basic authentication (cross-process)', () => {
  let dir: string;
  let app: SpawnedApp;
  let base: string;
  const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-auth-'));
    writeFileSync(join(dir, 'htpasswd'), `admin:${hashSync('s3cret', 4).replace(/^\$2b\$/, '$2y$')}\n`);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = spawnApp('standalone', {
      SLIPWAY_DATA_DIR: join(dir, 'data'),
      SLIPWAY_API_PORT: String(port),
      SLIPWAY_AUTH_STRATEGY: 'http_basic',
      SLIPWAY_HTPASSWD_FILE: join(dir, 'htpasswd'),
    });
    await app.waitFor(/Ironic API at/, 30_000);
  });
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 401 in Ironic format, with a Basic challenge, without credentials', async () => {
    const response = await fetch(`${base}/v1`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="Baremetal API"');
    const body = (await response.json()) as { error_message: string };
    expect(JSON.parse(body.error_message)).toMatchObject({ faultcode: 'Client' });
  });

  it('answers 401 for a wrong password or user, and 200 for the right ones', async () => {
    expect((await fetch(`${base}/v1`, { headers: basic('admin', 'wrong') })).status).toBe(401);
    expect((await fetch(`${base}/v1`, { headers: basic('nobody', 's3cret') })).status).toBe(401);
    expect((await fetch(`${base}/v1`, { headers: { authorization: 'Basic !!!' } })).status).toBe(401);
    expect((await fetch(`${base}/v1`, { headers: basic('admin', 's3cret') })).status).toBe(200);
  });

  it('leaves version discovery and health probes public', async () => {
    for (const path of ['/', '/healthz', '/readyz', '/versions']) expect((await fetch(`${base}${path}`)).status).toBe(200);
    expect((await fetch(`${base}/api/v1.0/health`)).status).toBe(204);
  });

  it('refuses to start with a bad htpasswd file, naming the setting and the line', async () => {
    writeFileSync(join(dir, 'bad'), 'admin:plaintext\n');
    const bad = spawnApp('standalone', {
      SLIPWAY_DATA_DIR: join(dir, 'data2'),
      SLIPWAY_API_PORT: String(await freePort()),
      SLIPWAY_AUTH_STRATEGY: 'http_basic',
      SLIPWAY_HTPASSWD_FILE: join(dir, 'bad'),
    });
    expect(await bad.exited()).toBe(1);
    expect(bad.stderr()).toContain(`SLIPWAY_HTPASSWD_FILE: ${join(dir, 'bad')}:1: the entry of "admin" is not a bcrypt hash`);
  });
});
