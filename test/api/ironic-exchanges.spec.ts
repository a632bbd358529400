import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnApp, SpawnedApp } from '@slipway/testing';

// Replays requests answered by the real Ironic 2023.1 (tools/capture-ironic-fixtures.py) against a
// running Slipway, in the captured order, and compares the answers.
//   exact:  same status and same faultstring (uuids mapped)
//   status: same status; Ironic's message is a Python repr we do not imitate
//   keys:   same status and the same keys in the same order
//   shape:  keys, and also the keys of the first object of each top-level list (for collections
//           whose values differ: the captured Ironic ran other conductors and hardware types)
type Mode = 'exact' | 'status' | 'keys' | 'shape';

const REPLAYED: Array<[name: string, mode: Mode]> = [
  ['node.create', 'keys'],
  ['node.create.second', 'exact'],
  ['node.show@1.1', 'keys'],
  ['node.show@1.5', 'keys'],
  ['node.show@1.40', 'keys'],
  ['node.show@1.82', 'keys'],
  ['node.show.by-name', 'keys'],
  ['node.show.fields', 'keys'],
  ['node.show.fields-unknown', 'exact'],
  ['node.show.fields-too-new', 'exact'],
  ['node.show.missing-uuid', 'exact'],
  ['node.show.missing-name', 'exact'],
  ['node.show.bad-ident', 'exact'],
  ['nodes.list.limit0', 'exact'],
  ['nodes.list.limit-text', 'exact'],
  ['nodes.list.bad-sort-key', 'exact'],
  ['nodes.list.unknown-sort-key', 'exact'],
  ['nodes.list.bad-sort-dir', 'exact'],
  ['nodes.list.bad-marker', 'exact'],
  ['nodes.list.fields+detail', 'exact'],
  ['nodes.list.filter-maintenance-bad', 'exact'],
  ['nodes.list.filter-provision-state-bad', 'exact'],
  ['node.create.unknown-field', 'exact'],
  ['node.create.missing-driver', 'exact'],
  ['node.create.unknown-driver', 'exact'],
  ['node.create.bad-type', 'status'],
  ['node.create.bad-name', 'exact'],
  ['node.create.duplicate-name', 'exact'],
  ['node.create.bad-uuid', 'exact'],
  ['node.create.not-object', 'status'],
  ['node.create.field-too-new', 'exact'],
  ['node.patch.replace-name', 'keys'],
  ['node.patch.add-extra', 'keys'],
  ['node.patch.remove-extra', 'keys'],
  ['node.patch.remove-missing', 'exact'],
  ['node.patch.add-root', 'exact'],
  ['node.patch.readonly', 'exact'],
  ['node.patch.bad-op', 'exact'],
  ['node.patch.not-list', 'status'],
  ['node.patch.bad-value-type', 'exact'],
  ['node.patch.uuid', 'exact'],
  ['node.states', 'keys'],
  ['node.validate', 'keys'],
  ['node.power.on', 'exact'],
  // Power changes in the background: Ironic's message names the power state of the moment.
  ['node.power.bad-target', 'status'],
  ['node.power.bad-timeout', 'exact'],
  ['node.boot-device.get', 'keys'],
  // Slipway's fake management supports more devices than Ironic's (pxe only).
  ['node.boot-device.supported', 'keys'],
  ['node.boot-device.set', 'exact'],
  ['node.boot-device.bad', 'exact'],
  ['node.traits.set', 'exact'],
  ['node.traits.list', 'keys'],
  ['node.traits.bad', 'exact'],
  ['node.maintenance.set', 'exact'],
  ['node.maintenance.unset', 'exact'],
  // Ports, portgroups and a chassis, on the node above (its uuid is mapped in paths and bodies).
  ['chassis.create', 'keys'],
  ['port.create', 'keys'],
  ['port.create.bad-mac', 'exact'],
  ['ports.list', 'shape'],
  ['portgroup.create', 'keys'],
  ['node.delete', 'exact'],
  ['node.delete.again', 'exact'],
  ['conductors.list', 'shape'],
  ['conductors.detail', 'shape'],
  ['drivers.list', 'shape'],
  ['drivers.show', 'keys'],
  // Ironic's fake-hardware has other properties than Slipway's.
  ['drivers.properties', 'status'],
  // No node was available when Ironic answered (it says `allocating`, then fails in the
  // background); the same keys come back here whether the search has ended yet or not.
  ['allocation.create', 'keys'],
  ['deploy-template.create', 'keys'],
];

interface Exchange {
  request: { method: string; path: string; version: string | null; body: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
}
const exchanges = JSON.parse(readFileSync(join(__dirname, '../fixtures/ironic-2023.1/exchanges.json'), 'utf8')) as Record<string, Exchange>;
const capturedUuid = (exchanges['node.create'].response.body as { uuid: string }).uuid;

/**
 * Ironic's node PATCH allow-list, which its messages spell out, gained parent_node (1.83) and
 * firmware_interface (1.86) after the captured 2023.1; like Ironic, Slipway lists them at every
 * version.
 */
const withLaterPatchFields = (message: string) => message.replace('extra, inspect_interface', 'extra, firmware_interface, inspect_interface').replace('owner, power_interface', 'owner, parent_node, power_interface');

function faultOf(body: unknown): string | undefined {
  const message = (body as { error_message?: string } | null)?.error_message;
  if (!message) return undefined;
  const inner = JSON.parse(message) as { faultstring?: string; description?: string };
  return inner.faultstring ?? inner.description;
}

describe('Ironic 2023.1 exchanges replayed against Slipway (cross-process)', () => {
  let dir: string;
  let app: SpawnedApp;
  let base: string;
  let ourUuid = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-exchanges-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = spawnApp('standalone', { SLIPWAY_DATA_DIR: dir, SLIPWAY_API_PORT: String(port) });
    await app.waitFor(/Ironic API at/, 30_000);
  });
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const mapUuid = (text: string) => (ourUuid ? text.split(capturedUuid).join(ourUuid) : text);

  it.each(REPLAYED)('%s (%s)', async (name, mode) => {
    const { request, response: ironic } = exchanges[name];
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (request.version) headers['x-openstack-ironic-api-version'] = request.version;
    const body = request.body === null || request.body === undefined ? undefined : mapUuid(typeof request.body === 'string' ? request.body : JSON.stringify(request.body));
    const response = await fetch(`${base}${mapUuid(request.path)}`, { method: request.method, headers, body });
    const text = await response.text();
    const ours = text ? (JSON.parse(text) as unknown) : null;
    if (name === 'node.create') ourUuid = (ours as { uuid: string }).uuid;

    expect(response.status).toBe(ironic.status);
    if (mode === 'exact') expect(faultOf(ours)).toBe(faultOf(ironic.body) === undefined ? undefined : withLaterPatchFields(mapUuid(faultOf(ironic.body) as string).split(capturedUuid).join(ourUuid)));
    if (mode === 'keys' || mode === 'shape') expect(Object.keys(ours as object)).toEqual(Object.keys(ironic.body as object));
    if (mode === 'shape') {
      for (const [key, value] of Object.entries(ironic.body as Record<string, unknown>)) {
        const first = Array.isArray(value) ? (value[0] as unknown) : undefined;
        if (typeof first !== 'object' || first === null) continue;
        const ourFirst = ((ours as Record<string, unknown[]>)[key] ?? [])[0];
        expect(Object.keys((ourFirst ?? {}) as object)).toEqual(Object.keys(first));
      }
    }
    if (ironic.headers.location) {
      // The created resource is ours: its uuid replaces the captured one in the Location.
      const created = (ironic.body as { uuid?: string } | null)?.uuid;
      const location = mapUuid(ironic.headers.location.replace(/^https?:\/\/[^/]+/, base));
      const expected = created ? location.replace(created, (ours as { uuid?: string } | null)?.uuid ?? created) : location;
      expect(response.headers.get('location')).toBe(expected);
    }
  });

  it('answers 400, not Ironic\'s 500, for malformed JSON', async () => {
    const response = await fetch(`${base}/v1/nodes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"driver": ' });
    expect(response.status).toBe(400);
    expect(faultOf(await response.json())).toMatch(/^Malformed JSON in the request body/);
  });
});
