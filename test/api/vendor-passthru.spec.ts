import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnApp, SpawnedApp } from '@slipway/testing';

// Vendor passthru end to end on fake-hardware's vendor interface (first_method: async, exclusive;
// third_method_sync: sync, exclusive; fourth_method_shared_lock: async, shared).
describe('vendor passthru (cross-process)', () => {
  let dir: string;
  let app: SpawnedApp;
  let v1: string;
  const headers = { 'content-type': 'application/json', 'x-openstack-ironic-api-version': '1.82' };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-passthru-'));
    const port = await freePort();
    v1 = `http://127.0.0.1:${port}/v1`;
    app = spawnApp('standalone', { SLIPWAY_DATA_DIR: dir, SLIPWAY_API_PORT: String(port) });
    await app.waitFor(/Ironic API at/, 30_000);
    for (const [name, driverInfo] of [['vp', {}], ['slow', { fake_delay: 6 }], ['slow-too', { fake_delay: 6 }]] as const) {
      const created = await fetch(`${v1}/nodes`, { method: 'POST', headers, body: JSON.stringify({ name, driver: 'fake-hardware', driver_info: driverInfo }) });
      expect(created.status).toBe(201);
    }
  });
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (node: string, method: string | undefined, body: unknown, verb = 'POST') =>
    fetch(`${v1}/nodes/${node}/vendor_passthru${method ? `?method=${method}` : ''}`, { method: verb, headers, body: verb === 'GET' ? undefined : JSON.stringify(body) });
  const fault = async (response: Response) => (JSON.parse(((await response.json()) as { error_message: string }).error_message) as { faultstring: string }).faultstring;

  it('lists the methods with their metadata', async () => {
    const methods = (await (await fetch(`${v1}/nodes/vp/vendor_passthru/methods`, { headers })).json()) as Record<string, Record<string, unknown>>;
    expect(methods.third_method_sync).toEqual({ http_methods: ['POST'], async: false, description: "Answers whether bar is 'meow', synchronously.", attach: false, require_exclusive_lock: true });
    expect(methods.first_method.async).toBe(true);
  });

  it('answers a sync method with 200 and its result, an async one with 202 and no body', async () => {
    const sync = await call('vp', 'third_method_sync', { bar: 'meow' });
    expect([sync.status, await sync.json()]).toEqual([200, true]);
    const async = await call('vp', 'first_method', { bar: 'baz' });
    expect([async.status, await async.text()]).toEqual([202, '']);
  });

  it('gives each bad call its own 4xx', async () => {
    const unknown = await call('vp', 'nope', {});
    expect([unknown.status, await fault(unknown)]).toEqual([400, 'No handler for method nope.']);
    const wrongVerb = await call('vp', 'third_method_sync', undefined, 'GET');
    expect(wrongVerb.status).toBe(405);
    expect(wrongVerb.headers.get('allow')).toBe('POST');
    const badArgs = await call('vp', 'third_method_sync', {});
    expect([badArgs.status, await fault(badArgs)]).toEqual([400, "Parameter 'bar' not passed to method 'third_method_sync'."]);
    const noMethod = await call('vp', undefined, {});
    expect(noMethod.status).toBe(400);
    const noNode = await call('missing-node', 'first_method', {});
    expect(noNode.status).toBe(404);
  });

  it('answers 409 for an exclusive method while the node is locked, and runs a shared one', async () => {
    // The slow node's async method holds the exclusive lock for fake_delay (6 s).
    expect((await call('slow', 'first_method', { bar: 'baz' })).status).toBe(202);
    const locked = await call('slow', 'third_method_sync', { bar: 'meow' });
    expect(locked.status).toBe(409);
    expect(await fault(locked)).toMatch(/^Node [0-9a-f-]{36} is locked by host .+, please retry after the current operation is completed\.$/);
    expect(locked.headers.get('retry-after')).toBeTruthy();
    expect((await call('slow', 'fourth_method_shared_lock', { bar: 'woof' })).status).toBe(202);
  }, 20_000);

  it('takes the method in the path too, as python-ironicclient sends it', async () => {
    const byPath = await fetch(`${v1}/nodes/vp/vendor_passthru/third_method_sync`, { method: 'POST', headers, body: JSON.stringify({ bar: 'meow' }) });
    expect([byPath.status, await byPath.json()]).toEqual([200, true]);
    const asyncByPath = await fetch(`${v1}/nodes/vp/vendor_passthru/first_method`, { method: 'POST', headers, body: JSON.stringify({ bar: 'baz' }) });
    expect(asyncByPath.status).toBe(202);
    const unknown = await fetch(`${v1}/nodes/vp/vendor_passthru/nope`, { method: 'POST', headers, body: '{}' });
    expect([unknown.status, await fault(unknown)]).toEqual([400, 'No handler for method nope.']);
    const postToListing = await fetch(`${v1}/nodes/vp/vendor_passthru/methods`, { method: 'POST', headers, body: '{}' });
    expect([postToListing.status, postToListing.headers.get('allow')]).toEqual([405, 'GET']);
  });

  const callDriver = (driver: string, method: string, body: unknown, verb = 'POST') =>
    fetch(`${v1}/drivers/${driver}/vendor_passthru/${method}`, { method: verb, headers, body: verb === 'GET' ? undefined : JSON.stringify(body) });

  it("lists fake-hardware's driver-level methods, and 404 for an unknown driver", async () => {
    const methods = (await (await fetch(`${v1}/drivers/fake-hardware/vendor_passthru/methods`, { headers })).json()) as Record<string, Record<string, unknown>>;
    expect(Object.keys(methods).sort()).toEqual(['driver_method_async', 'driver_method_sync']);
    expect(methods.driver_method_sync).toEqual({ http_methods: ['POST'], async: false, description: "Answers with bar and whether it is 'baz', for no node.", attach: false });
    expect((await fetch(`${v1}/drivers/nope/vendor_passthru/methods`, { headers })).status).toBe(404);
  });

  it('runs driver-level methods in both URL forms: 200 with the result, 202, and each bad call its 4xx', async () => {
    const sync = await callDriver('fake-hardware', 'driver_method_sync', { bar: 'baz' });
    expect([sync.status, await sync.json()]).toEqual([200, { bar: 'baz', is_baz: true }]);
    const byQuery = await fetch(`${v1}/drivers/fake-hardware/vendor_passthru?method=driver_method_sync`, { method: 'POST', headers, body: JSON.stringify({ bar: 'no' }) });
    expect([byQuery.status, await byQuery.json()]).toEqual([200, { bar: 'no', is_baz: false }]);
    expect((await callDriver('fake-hardware', 'driver_method_async', { bar: 'baz' })).status).toBe(202);

    const badArgs = await callDriver('fake-hardware', 'driver_method_async', {});
    expect([badArgs.status, await fault(badArgs)]).toEqual([400, "Parameter 'bar' not passed to method 'driver_method_async'."]);
    const wrongVerb = await callDriver('fake-hardware', 'driver_method_sync', undefined, 'GET');
    expect([wrongVerb.status, wrongVerb.headers.get('allow')]).toEqual([405, 'POST']);
    const unknown = await callDriver('fake-hardware', 'nope', {});
    expect([unknown.status, await fault(unknown)]).toEqual([400, 'No handler for method nope.']);
    expect((await callDriver('nope', 'driver_method_sync', { bar: 'baz' })).status).toBe(404);
  });

  it('takes no node lock for a driver-level method', async () => {
    // The node's exclusive method holds its lock for fake_delay (6 s); the driver call does not wait.
    expect((await call('slow-too', 'first_method', { bar: 'baz' })).status).toBe(202);
    expect((await call('slow-too', 'third_method_sync', { bar: 'meow' })).status).toBe(409);
    const sync = await callDriver('fake-hardware', 'driver_method_sync', { bar: 'baz' });
    expect([sync.status, await sync.json()]).toEqual([200, { bar: 'baz', is_baz: true }]);
  }, 20_000);
});
