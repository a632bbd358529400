import { randomUUID } from 'node:crypto';
import { NodeRepository } from '@slipway/db';
import { SMALL_SITE, VALID_SITE_PATH } from '../__fixtures__/design-yaml.fixture';
import { startOrchestratorTestApp, type OrchestratorTestApp } from '../__fixtures__/orchestrator-test-app.fixture';

// Controller test: the design's nodes with the state of the Ironic nodes of the same name, and
// node filters resolved on a design.
describe('nodes API (/api/v1.0/nodes, /api/v1.0/nodefilter)', () => {
  let api: OrchestratorTestApp;
  let lab: { design_id: string; version: number };

  beforeAll(async () => {
    api = await startOrchestratorTestApp({ adminUrl: process.env.SLIPWAY_TEST_DATABASE_URL });
  });
  afterAll(() => api.close());

  it('answers 404 while no design is stored', async () => {
    const answer = await api.request('GET', '/api/v1.0/nodes');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ type: 'error', message: 'No site design is stored yet: create one with POST /api/v1.0/designs.', retry: false });
  });

  describe('with designs', () => {
    beforeAll(async () => {
      await api.request('POST', '/api/v1.0/designs', { name: 'small', yaml: SMALL_SITE });
      lab = (await api.request('POST', '/api/v1.0/designs', { name: 'lab', href: VALID_SITE_PATH })).body;
      const nodes = new NodeRepository(api.dataSource);
      await nodes.insert({ uuid: randomUUID(), name: 'node01', driver: 'fake-hardware', provisionState: 'active', powerState: 'power on' });
      await nodes.insert({ uuid: randomUUID(), name: 'node02', driver: 'fake-hardware', provisionState: 'deploying', targetProvisionState: 'active', powerState: 'power off', maintenance: true });
    });

    it('lists the nodes of the design stored last, each with its Ironic node when one has its name', async () => {
      const answer = await api.request('GET', '/api/v1.0/nodes');
      expect(answer.status).toBe(200);
      expect(answer.body).toHaveLength(20);
      expect(answer.body[0]).toEqual({
        hostname: 'node01',
        rack: 'rack01',
        host_profile: 'compute',
        hardware_profile: 'generic-2u',
        tags: ['compute'],
        addressing: [
          { network: 'pxe', address: 'dhcp' },
          { network: 'mgmt', address: '10.30.0.11' },
          { network: 'storage', address: '10.40.0.11' },
          { network: 'oob', address: '10.10.0.11' },
        ],
        boot_mac: null,
        power_address: '10.10.0.11',
        boot_ip: '10.30.0.11',
        status_name: 'active',
        power_state: 'power on',
        ironic_node: { uuid: expect.any(String), provision_state: 'active', target_provision_state: null, power_state: 'power on', maintenance: false },
      });
      expect(answer.body[1]).toMatchObject({ hostname: 'node02', status_name: 'deploying', ironic_node: { target_provision_state: 'active', maintenance: true } });
      expect(answer.body[2]).toMatchObject({ hostname: 'node03', status_name: null, power_state: null, ironic_node: null });
    });

    it('lists the nodes of the design ?design_ref= names', async () => {
      const answer = await api.request('GET', '/api/v1.0/nodes?design_ref=small');
      expect(answer.body.map((node: { hostname: string }) => node.hostname)).toEqual(['n1', 'n2']);
      expect((await api.request('GET', '/api/v1.0/nodes?design_ref=gone')).status).toBe(404);
    });

    it('resolves a Drydock node filter to node names', async () => {
      const node_filter = { filter_set_type: 'intersection', filter_set: [{ filter_type: 'union', rack_names: ['rack02'] }, { filter_type: 'union', node_names: ['node11', 'node12', 'node01'] }] };
      const answer = await api.request('POST', '/api/v1.0/nodefilter', { node_filter, design_ref: `design://${lab.design_id}/${lab.version}` });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(['node11', 'node12']);
    });

    it('resolves the simpler filter, and no filter selects every node of the latest design', async () => {
      expect((await api.request('POST', '/api/v1.0/nodefilter', { node_filter: { rack_names: ['r2'] }, design_ref: 'small' })).body).toEqual(['n2']);
      expect((await api.request('POST', '/api/v1.0/nodefilter', { design_ref: 'small', node_filter: { node_labels: { role: 'storage' } } })).body).toEqual([]);
      expect((await api.request('POST', '/api/v1.0/nodefilter', {})).body).toHaveLength(20);
    });

    it.each([
      [{ node_filter: { node_names: ['nodeX'] } }, 'Invalid node_filter: node_filter.node_names: the design has no node nodeX.'],
      [{ node_filter: { hosts: ['node01'] } }, 'hosts is not a known field'],
      [{ node_filter: { filter_set_type: 'union', filter_set: [{ filter_type: 'union', node_name: ['a'] }] } }, 'node_filter.filter_set[0].node_name is not a known field'],
      [{ node_filter: [], design_ref: 'lab' }, 'must be an object (got a list)'],
      [{ design: 'lab' }, 'design is not a known field of node filter request'],
    ])('answers 400 for %j', async (body, message) => {
      const answer = await api.request('POST', '/api/v1.0/nodefilter', body);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain(message);
    });
  });
});
