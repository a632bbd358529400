import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnApp, SpawnedApp } from '@slipway/testing';

// PUT /v1/nodes/{node}/states/raid: checked by the node's RAID interface, stored as the target.
describe('target RAID configuration (cross-process)', () => {
  let dir: string;
  let app: SpawnedApp;
  let v1: string;
  const headers = (version = '1.82') => ({ 'content-type': 'application/json', 'x-openstack-ironic-api-version': version });
  const config = { logical_disks: [{ size_gb: 100, raid_level: '1', is_root_volume: true }] };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-raid-'));
    const port = await freePort();
    v1 = `http://127.0.0.1:${port}/v1`;
    app = spawnApp('standalone', { SLIPWAY_DATA_DIR: dir, SLIPWAY_API_PORT: String(port) });
    await app.waitFor(/Ironic API at/, 30_000);
    for (const body of [{ name: 'raid', driver: 'fake-hardware' }, { name: 'noraid', driver: 'fake-hardware', raid_interface: 'no-raid' }]) {
      expect((await fetch(`${v1}/nodes`, { method: 'POST', headers: headers(), body: JSON.stringify(body) })).status).toBe(201);
    }
  });
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const put = (node: string, body: unknown, version?: string) => fetch(`${v1}/nodes/${node}/states/raid`, { method: 'PUT', headers: headers(version), body: JSON.stringify(body) });
  const target = async (node: string) => ((await (await fetch(`${v1}/nodes/${node}`, { headers: headers() })).json()) as { target_raid_config: unknown }).target_raid_config;

  it('stores a valid configuration as the target (204) and clears it with {}', async () => {
    const response = await put('raid', config);
    expect([response.status, await response.text()]).toEqual([204, '']);
    expect(await target('raid')).toEqual(config);
    expect((await put('raid', {})).status).toBe(204);
    expect(await target('raid')).toEqual({});
  });

  it('refuses an invalid configuration with 400 and keeps the previous target', async () => {
    await put('raid', config);
    const bad = await put('raid', { logical_disks: [{ size_gb: 'big', raid_level: '42' }] });
    expect(bad.status).toBe(400);
    expect(await target('raid')).toEqual(config);
  });

  it('answers 404 for a driver without RAID support and before 1.12', async () => {
    expect((await put('noraid', config)).status).toBe(404);
    expect((await put('raid', config, '1.11')).status).toBe(404);
  });
});
