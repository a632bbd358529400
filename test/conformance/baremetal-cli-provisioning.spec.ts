import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnApp, SpawnedApp } from '@slipway/testing';

// The real `baremetal` CLI moves a fake-hardware node through Ironic's states, waiting the way
// operators do (`--wait`), and shows each resting state.
describe('baremetal CLI: provisioning (cross-process)', () => {
  let dir: string;
  let app: SpawnedApp;
  let endpoint: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-cli-provision-'));
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    app = spawnApp('standalone', { SLIPWAY_DATA_DIR: join(dir, 'data'), SLIPWAY_API_PORT: String(port) });
    await app.waitFor(/Ironic API at/, 30_000);
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  // The CLI is Debian's Python; keep the developer's pyenv out of its way. (Installed by
  // baremetal-cli.spec.ts when missing.)
  const baremetal = (...args: string[]): string =>
    execFileSync('/usr/bin/baremetal', ['--os-auth-type', 'none', '--os-endpoint', endpoint, ...args], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
  const state = (node: string) => baremetal('node', 'show', node, '-f', 'value', '-c', 'provision_state').trim();

  it('manages, provides, deploys, undeploys and inspects a node, waiting for each state', () => {
    baremetal('node', 'create', '--driver', 'fake-hardware', '--name', 'cli-prov');
    expect(state('cli-prov')).toBe('enroll');
    baremetal('node', 'manage', 'cli-prov', '--wait', '30');
    expect(state('cli-prov')).toBe('manageable');
    baremetal('node', 'inspect', 'cli-prov', '--wait', '30');
    expect(state('cli-prov')).toBe('manageable');
    baremetal('node', 'provide', 'cli-prov', '--wait', '30');
    expect(state('cli-prov')).toBe('available');
    baremetal('node', 'deploy', 'cli-prov', '--wait', '30');
    expect(state('cli-prov')).toBe('active');
    expect(baremetal('node', 'show', 'cli-prov', '-f', 'value', '-c', 'power_state').trim()).toBe('power on');
    baremetal('node', 'undeploy', 'cli-prov', '--wait', '30');
    expect(state('cli-prov')).toBe('available');
  });

  it('reports a refused action with the server message', () => {
    baremetal('node', 'create', '--driver', 'fake-hardware', '--name', 'cli-refused');
    expect(() => baremetal('node', 'provide', 'cli-refused')).toThrow(/can not be performed on node .* while it is in state "enroll".*\(HTTP 400\)/s);
  });
});
