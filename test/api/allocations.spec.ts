import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnApp, SpawnedApp } from '@slipway/testing';

// Allocations and deploy templates through the API, in one standalone process: nodes are made
// available on fake hardware, then allocated by resource class, traits and candidate nodes.
describe('allocations through the API (cross-process)', () => {
  let dir: string;
  let app: SpawnedApp;
  let base: string;
  const headers = { 'content-type': 'application/json', 'x-openstack-ironic-api-version': '1.82' };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-allocations-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}/v1`;
    app = spawnApp('standalone', { SLIPWAY_DATA_DIR: dir, SLIPWAY_API_PORT: String(port) });
    await app.waitFor(/Ironic API at/, 30_000);
  });
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const fault = (body: Record<string, unknown>) => (JSON.parse(body.error_message as string) as { faultstring: string }).faultstring;

  async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const value = await read();
      if (done(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${what}: ${JSON.stringify(await read())}`);
  }
  const node = async (name: string) => (await call('GET', `/nodes/${name}`)).body;
  const allocation = async (ident: string) => (await call('GET', `/allocations/${ident}`)).body;

  /** Provision action, then wait until the node rests in `state`. */
  async function reach(name: string, target: string, state: string): Promise<void> {
    expect((await call('PUT', `/nodes/${name}/states/provision`, { target })).status).toBe(202);
    await waitFor(`${name} to reach ${state}`, () => node(name), (n) => n.provision_state === state && n.target_provision_state === null);
  }
  async function availableNode(name: string, resourceClass: string): Promise<string> {
    const created = await call('POST', '/nodes', { name, driver: 'fake-hardware', resource_class: resourceClass });
    expect(created.status).toBe(201);
    await reach(name, 'manage', 'manageable');
    await reach(name, 'provide', 'available');
    return created.body.uuid as string;
  }
  /** Creates an allocation and waits until the conductor has processed it. */
  async function allocate(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const created = await call('POST', '/allocations', body);
    expect(created.status).toBe(201);
    expect(['allocating', 'active', 'error']).toContain(created.body.state);
    return waitFor('allocation to be processed', () => allocation(created.body.uuid as string), (a) => a.state !== 'allocating');
  }

  it('allocates by resource class and traits; the node then carries the allocation and its uuid as instance', async () => {
    await availableNode('gold-plain', 'gold');
    const gpuUuid = await availableNode('gold-gpu', 'gold');
    const traits = await call('PUT', '/nodes/gold-gpu/traits', { traits: ['CUSTOM_GPU'] });
    expect(traits.status).toBe(204);

    const done = await allocate({ resource_class: 'gold', traits: ['CUSTOM_GPU'], name: 'gpu-1', extra: { team: 'a' } });
    expect(done).toMatchObject({ state: 'active', node_uuid: gpuUuid, last_error: null, name: 'gpu-1', traits: ['CUSTOM_GPU'], extra: { team: 'a' } });
    const held = await node('gold-gpu');
    expect(held.allocation_uuid).toBe(done.uuid);
    expect(held.instance_uuid).toBe(done.uuid);
    expect(held.instance_info).toEqual({ traits: ['CUSTOM_GPU'] });

    expect((await call('GET', '/nodes/gold-gpu/allocation')).body.uuid).toBe(done.uuid);
    const listed = await call('GET', '/allocations?node=gold-gpu&fields=uuid,node_uuid');
    expect(listed.body.allocations).toEqual([{ uuid: done.uuid, links: expect.any(Array), node_uuid: gpuUuid }]);
    const renamed = await call('PATCH', '/allocations/gpu-1', [{ op: 'replace', path: '/name', value: 'gpu-one' }]);
    expect(renamed.body).toMatchObject({ name: 'gpu-one', state: 'active' });
  });

  it('picks among candidate nodes given by name, fails with Ironic\'s message when none is left, and frees a node', async () => {
    await availableNode('silver-1', 'silver');
    const second = await availableNode('silver-2', 'silver');
    const picked = await allocate({ resource_class: 'silver', candidate_nodes: ['silver-2'] });
    expect(picked).toMatchObject({ state: 'active', node_uuid: second, candidate_nodes: [second] });

    const other = await allocate({ resource_class: 'silver' });
    expect(other.state).toBe('active');
    const none = await allocate({ resource_class: 'silver' });
    expect(none).toMatchObject({ state: 'error', node_uuid: null, last_error: `Failed to process allocation ${String(none.uuid)}: no available nodes match the resource class silver.` });

    expect((await call('DELETE', '/nodes/silver-2/allocation')).status).toBe(204);
    expect(await node('silver-2')).toMatchObject({ allocation_uuid: null, instance_uuid: null });
    expect((await call('GET', `/allocations/${String(picked.uuid)}`)).status).toBe(404);
    const refused = await call('GET', '/nodes/silver-2/allocation');
    expect(refused.status).toBe(404);
    expect(fault(refused.body)).toBe('Allocation for node silver-2 was not found');
  });

  it('keeps the allocation of an active node unless it is in maintenance, and backfills a deployed node', async () => {
    await availableNode('bronze-1', 'bronze');
    const held = await allocate({ resource_class: 'bronze', name: 'bronze-alloc' });
    await reach('bronze-1', 'active', 'active');
    const refused = await call('DELETE', '/allocations/bronze-alloc');
    expect(refused.status).toBe(409);
    expect(fault(refused.body)).toMatch(/^Cannot remove allocation .* because the node is active \(and maintenance mode is off\)$/);

    expect((await call('PATCH', '/nodes/bronze-1', [{ op: 'replace', path: '/maintenance', value: true }])).status).toBe(200);
    expect((await call('DELETE', `/allocations/${String(held.uuid)}`)).status).toBe(204);
    expect((await call('PATCH', '/nodes/bronze-1', [{ op: 'replace', path: '/maintenance', value: false }])).status).toBe(200);
    expect(await node('bronze-1')).toMatchObject({ provision_state: 'active', instance_uuid: null, allocation_uuid: null });

    const backfilled = await call('POST', '/allocations', { node: 'bronze-1', name: 'bronze-backfill' });
    expect(backfilled.status).toBe(201);
    expect(backfilled.body).toMatchObject({ state: 'active', resource_class: 'bronze', node_uuid: (await node('bronze-1')).uuid });
    expect(await node('bronze-1')).toMatchObject({ instance_uuid: backfilled.body.uuid, allocation_uuid: backfilled.body.uuid });

    const mismatch = await call('POST', '/allocations', { node: 'gold-plain', name: 'not-deployed' });
    expect(mismatch.status).toBe(400);
    expect(fault(mismatch.body)).toMatch(/Node must be in the "active" state, but the current state is "available"/);
    expect(await allocation('not-deployed')).toMatchObject({ state: 'error', node_uuid: null });
  });

  it('creates, lists, patches and deletes deploy templates', async () => {
    const created = await call('POST', '/deploy_templates', {
      name: 'CUSTOM_RAID1',
      steps: [{ interface: 'raid', step: 'create_configuration', args: { password: 'p' }, priority: '10' }],
    });
    expect(created.status).toBe(201);
    expect(created.body.steps).toEqual([{ interface: 'raid', step: 'create_configuration', args: { password: '******' }, priority: 10 }]);
    expect((await call('POST', '/deploy_templates', { name: 'CUSTOM_RAID1', steps: [{ interface: 'bios', step: 'x', args: {}, priority: 1 }] })).status).toBe(409);
    expect((await call('GET', '/deploy_templates')).body.deploy_templates).toEqual([{ uuid: created.body.uuid, name: 'CUSTOM_RAID1', links: expect.any(Array) }]);

    const patched = await call('PATCH', '/deploy_templates/CUSTOM_RAID1', [
      { op: 'replace', path: '/name', value: 'CUSTOM_RAID10' },
      { op: 'add', path: '/steps/-', value: { interface: 'bios', step: 'apply_configuration', args: {}, priority: 5 } },
    ]);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'CUSTOM_RAID10', updated_at: expect.any(String) });
    expect((patched.body.steps as unknown[]).length).toBe(2);
    expect((await call('DELETE', '/deploy_templates/CUSTOM_RAID10')).status).toBe(204);
    expect((await call('GET', `/deploy_templates/${String(created.body.uuid)}`)).status).toBe(404);
  });
});
