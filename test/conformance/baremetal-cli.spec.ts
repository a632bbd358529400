import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnApp, SpawnedApp } from '@slipway/testing';

// Conformance with the real client: python-ironicclient's `baremetal` CLI (Debian's package)
// drives a running Slipway, and the test reads what it prints, not only its exit code.

function ensureBaremetalCli(): string {
  const cli = '/usr/bin/baremetal';
  if (!existsSync(cli)) {
    const apt = (args: string[]) => execFileSync('apt-get', args, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    try {
      apt(['install', '-y', '--no-install-recommends', 'python3-ironicclient']);
    } catch {
      apt(['update']);
      apt(['install', '-y', '--no-install-recommends', 'python3-ironicclient']);
    }
  }
  return cli;
}

describe('baremetal CLI against Slipway (cross-process)', () => {
  let dir: string;
  let app: SpawnedApp;
  let endpoint: string;
  let cli: string;

  beforeAll(async () => {
    cli = ensureBaremetalCli();
    dir = mkdtempSync(join(tmpdir(), 'slipway-cli-'));
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    app = spawnApp('standalone', { SLIPWAY_DATA_DIR: dir, SLIPWAY_API_PORT: String(port) });
    await app.waitFor(/Ironic API at/, 30_000);
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `baremetal <args>`; returns stdout, or throws with stderr (the CLI's error line). */
  function baremetal(...args: string[]): string {
    // The CLI is Python 3.11 from Debian; keep the developer's pyenv out of its way.
    return execFileSync(cli, ['--os-auth-type', 'none', '--os-endpoint', endpoint, ...args], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  const json = <T>(...args: string[]): T => JSON.parse(baremetal(...args, '-f', 'json')) as T;

  it('creates a node and shows it with the fields the CLI prints', () => {
    const created = json<Record<string, unknown>>('node', 'create', '--driver', 'fake-hardware', '--name', 'cli-node', '--property', 'cpus=8', '--driver-info', 'ipmi_password=secret');
    expect(created).toMatchObject({ name: 'cli-node', driver: 'fake-hardware', provision_state: 'enroll', power_interface: 'fake', network_interface: 'noop', properties: { cpus: 8 } });
    expect(created.driver_info).toEqual({ ipmi_password: '******' });
    const shown = json<Record<string, unknown>>('node', 'show', 'cli-node');
    expect(shown.uuid).toBe(created.uuid);
  });

  it('lists nodes, short and long', () => {
    const short = json<Array<Record<string, unknown>>>('node', 'list');
    expect(short).toEqual([expect.objectContaining({ Name: 'cli-node', 'Provisioning State': 'enroll', Maintenance: false })]);
    const long = json<Array<Record<string, unknown>>>('node', 'list', '--long');
    expect(long[0]).toMatchObject({ Name: 'cli-node', Driver: 'fake-hardware', 'Power Interface': 'fake', Properties: { cpus: 8 } });
  });

  it('sets and unsets fields', () => {
    baremetal('node', 'set', 'cli-node', '--extra', 'rack=r1', '--description', 'from the CLI', '--resource-class', 'gold');
    expect(json<Record<string, unknown>>('node', 'show', 'cli-node', '-c', 'extra', '-c', 'description', '-c', 'resource_class')).toEqual({ extra: { rack: 'r1' }, description: 'from the CLI', resource_class: 'gold' });
    baremetal('node', 'unset', 'cli-node', '--extra', 'rack', '--description');
    expect(json<Record<string, unknown>>('node', 'show', 'cli-node', '-c', 'extra', '-c', 'description')).toEqual({ extra: {}, description: null });
  });

  it("shows the server's error for a bad request", () => {
    expect(() => baremetal('node', 'create', '--driver', 'no-such-driver')).toThrow(/No valid host was found.*no-such-driver.*\(HTTP 400\)/s);
  });

  it('deletes the node', () => {
    expect(baremetal('node', 'delete', 'cli-node')).toContain('Deleted node cli-node');
    expect(json<unknown[]>('node', 'list')).toEqual([]);
  });
});
