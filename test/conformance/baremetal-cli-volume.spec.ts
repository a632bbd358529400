import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnApp, SpawnedApp } from '@slipway/testing';

// Conformance with the real client for volume connectors and targets and VIFs: Debian's
// `baremetal` CLI drives a running Slipway, and the test reads what it prints.

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

describe('baremetal CLI volume and VIF commands against Slipway (cross-process)', () => {
  let dir: string;
  let app: SpawnedApp;
  let endpoint: string;
  let cli: string;
  let node: string;

  beforeAll(async () => {
    cli = ensureBaremetalCli();
    dir = mkdtempSync(join(tmpdir(), 'slipway-cli-volume-'));
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

  it('creates a volume connector and lists it', () => {
    node = json<{ uuid: string }>('node', 'create', '--driver', 'fake-hardware', '--name', 'cli-volume-node').uuid;
    const created = json<Record<string, unknown>>('volume', 'connector', 'create', '--node', node, '--type', 'iqn', '--connector-id', 'iqn.2010-10.org.openstack:cli', '--extra', 'rack=r1');
    expect(created).toMatchObject({ node_uuid: node, type: 'iqn', connector_id: 'iqn.2010-10.org.openstack:cli', extra: { rack: 'r1' } });
    expect(created.uuid).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(json<Array<Record<string, unknown>>>('volume', 'connector', 'list')).toEqual([{ UUID: created.uuid, 'Node UUID': node, Type: 'iqn', 'Connector ID': 'iqn.2010-10.org.openstack:cli' }]);
    expect(json<Array<Record<string, unknown>>>('volume', 'connector', 'list', '--node', 'cli-volume-node', '--long')[0]).toMatchObject({ UUID: created.uuid, Extra: { rack: 'r1' } });
  });

  it('creates a volume target and lists it', () => {
    const created = json<Record<string, unknown>>('volume', 'target', 'create', '--node', node, '--type', 'iscsi', '--boot-index', '0', '--volume-id', 'vol-0', '--property', 'target_lun=0');
    expect(created).toMatchObject({ node_uuid: node, volume_type: 'iscsi', boot_index: 0, volume_id: 'vol-0', properties: { target_lun: 0 } });
    expect(json<Array<Record<string, unknown>>>('volume', 'target', 'list')).toEqual([{ UUID: created.uuid, 'Node UUID': node, 'Driver Volume Type': 'iscsi', 'Boot Index': 0, 'Volume ID': 'vol-0' }]);
  });

  it('attaches a VIF to a port of the node and lists it', () => {
    expect(json<unknown[]>('node', 'vif', 'list', 'cli-volume-node')).toEqual([]);
    baremetal('port', 'create', '52:54:00:00:cc:01', '--node', node);
    baremetal('node', 'vif', 'attach', 'cli-volume-node', 'vif-cli-1');
    expect(json<unknown[]>('node', 'vif', 'list', 'cli-volume-node')).toEqual([{ ID: 'vif-cli-1' }]);
    baremetal('node', 'vif', 'detach', 'cli-volume-node', 'vif-cli-1');
    expect(json<unknown[]>('node', 'vif', 'list', 'cli-volume-node')).toEqual([]);
  });
});
