import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from '@slipway/db';
import { freePort, spawnApp, testServices } from '@slipway/testing';

// Bad input at start: a message that names the setting (and the URL without its password), a
// non-zero exit, and no stack trace.
const noStackTrace = /^\s+at /m;

describe('startup errors (cross-process)', () => {
  let dataDir: string;
  let database: TestDatabase;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'slipway-errors-'));
    database = await createTestDatabase(testServices.databaseAdminUrl);
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  });

  it('lists every bad setting at once and exits 78', async () => {
    const app = spawnApp('standalone', { SLIPWAY_DATA_DIR: dataDir, SLIPWAY_API_PORT: 'http', SLIPWAY_LOG_LEVEL: 'loud', SLIPWAY_AMQP_URL: 'http://x' });
    expect(await app.exited()).toBe(78);
    const stderr = app.stderr();
    expect(stderr).toMatch(/^slipway: invalid configuration$/m);
    expect(stderr).toContain('SLIPWAY_API_PORT');
    expect(stderr).toContain('SLIPWAY_LOG_LEVEL');
    expect(stderr).toContain('SLIPWAY_AMQP_URL');
    expect(stderr).not.toMatch(noStackTrace);
  });

  it.each([
    ['database', { SLIPWAY_DATABASE_URL: 'postgres://slipway:s3cret@127.0.0.1:1/slipway' }, 'SLIPWAY_DATABASE_URL', 'postgres://slipway:***@127.0.0.1:1/slipway'],
    ['broker', { SLIPWAY_AMQP_URL: 'amqp://guest:s3cret@127.0.0.1:1' }, 'SLIPWAY_AMQP_URL', 'amqp://guest:***@127.0.0.1:1'],
    ['Redis', { SLIPWAY_REDIS_URL: 'redis://:s3cret@127.0.0.1:1/0' }, 'SLIPWAY_REDIS_URL', 'redis://:***@127.0.0.1:1/0'],
  ])('names the setting and the URL when the %s is unreachable, and exits 1', async (_what, env, setting, maskedUrl) => {
    const app = spawnApp('standalone', {
      SLIPWAY_DATABASE_URL: database.url,
      SLIPWAY_API_PORT: String(await freePort()),
      ...env,
    });
    expect(await app.exited()).toBe(1);
    const stderr = app.stderr();
    expect(stderr).toContain(setting);
    expect(stderr).toContain(maskedUrl);
    expect(stderr).not.toContain('s3cret');
    expect(stderr).not.toMatch(noStackTrace);
  });

  it.each([
    ['api', 'SLIPWAY_AMQP_URL'],
    ['conductor', 'SLIPWAY_AMQP_URL'],
    ['orchestrator', 'SLIPWAY_AMQP_URL'],
  ])('refuses to run the %s on its own without the cluster settings', async (appName, missing) => {
    const app = spawnApp(appName, { SLIPWAY_DATABASE_URL: database.url });
    expect(await app.exited()).toBe(1);
    expect(app.stderr()).toContain(missing);
    expect(app.stderr()).toContain('npm start');
  });

  /** A cluster conductor with the given driver settings, which must refuse them and exit. */
  async function refusedConductor(hostname: string, env: Record<string, string>) {
    const app = spawnApp('conductor', { SLIPWAY_DATABASE_URL: database.url, SLIPWAY_AMQP_URL: testServices.amqpUrl, SLIPWAY_HOSTNAME: hostname, ...env });
    expect(await app.exited()).not.toBe(0);
    return app;
  }

  it('refuses to start a conductor with a hardware type it does not know, naming it', async () => {
    const app = await refusedConductor('bad-types', { SLIPWAY_ENABLED_HARDWARE_TYPES: 'fake-hardware,no-such-type' });
    expect(app.stderr()).toContain('no-such-type');
    expect(app.stderr()).not.toMatch(noStackTrace);
  });

  it('refuses to start a conductor with an interface that is not installed, or a default that is not enabled', async () => {
    const app = await refusedConductor('bad-interfaces', { SLIPWAY_ENABLED_BOOT_INTERFACES: 'fake,ipxe', SLIPWAY_DEFAULT_POWER_INTERFACE: 'ipmitool' });
    expect(app.stderr()).toContain('boot interface ipxe is not registered');
    expect(app.stderr()).toContain('default_power_interface ipmitool is not in enabled_power_interfaces (fake, redfish)');
    expect(app.stderr()).not.toMatch(noStackTrace);
  });
});
