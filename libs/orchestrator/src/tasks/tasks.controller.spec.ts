import { randomUUID } from 'node:crypto';
import { SiteTaskRepository } from '@slipway/db';
import { SMALL_SITE, VALID_SITE_PATH } from '../__fixtures__/design-yaml.fixture';
import { startOrchestratorTestApp, type OrchestratorTestApp } from '../__fixtures__/orchestrator-test-app.fixture';

// Controller test: the task endpoints on a real database, with a recording fake of the engine's
// port (SITE_TASK_QUEUE). Subtasks, messages and statuses the engine would write are written
// through the repository.
describe('tasks API (/api/v1.0/tasks)', () => {
  let api: OrchestratorTestApp;
  let tasks: SiteTaskRepository;
  let site: { design_id: string; name: string; version: number };
  let small: { design_id: string; name: string };

  beforeAll(async () => {
    api = await startOrchestratorTestApp({ adminUrl: process.env.SLIPWAY_TEST_DATABASE_URL });
    tasks = new SiteTaskRepository(api.dataSource);
    site = (await api.request('POST', '/api/v1.0/designs', { name: 'lab', href: VALID_SITE_PATH })).body;
    small = (await api.request('POST', '/api/v1.0/designs', { name: 'small', yaml: SMALL_SITE })).body;
  });
  afterAll(() => api.close());

  const create = (body: unknown) => api.request('POST', '/api/v1.0/tasks', body);
  const show = (id: string, query = '') => api.request('GET', `/api/v1.0/tasks/${id}${query}`);
  const enqueued = () => api.queue.calls.filter((call) => call.call === 'enqueue').map((call) => call.taskId);

  describe('creating', () => {
    it('stores the task queued, hands it to the engine and answers 201 with Drydock\'s task', async () => {
      const created = await create({ action: 'deploy_nodes', design_ref: `design://${site.design_id}/1`, node_filter: null });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        kind: 'Task',
        apiVersion: 'v1',
        task_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        action: 'deploy_nodes',
        parent_task_id: null,
        design_ref: `design://${site.design_id}/1`,
        status: 'queued',
        result: { kind: 'Status', apiVersion: 'v1.0', metadata: {}, message: null, reason: null, status: 'incomplete', successes: [], failures: [], links: [], details: { errorCount: 0, messageList: [] } },
        node_filter: null,
        subtask_id_list: [],
        created: expect.any(String),
        created_by: null,
        updated: null,
        terminated: null,
        terminated_by: null,
        terminate: false,
        retry: 0,
      });
      expect(created.headers.location).toBe(`/api/v1.0/tasks/${created.body.task_id}`);
      expect(enqueued()).toContain(created.body.task_id);
      expect((await show(created.body.task_id)).body).toMatchObject({ task_id: created.body.task_id, status: 'queued', design_ref: `design://${site.design_id}/1` });
    });

    it('takes a design name (its latest version) or a design id as design_ref', async () => {
      const second = (await api.request('POST', '/api/v1.0/designs', { name: 'small', yaml: `${SMALL_SITE}\n# v2` })).body;
      expect((await create({ action: 'validate_design', design_ref: 'small' })).body.design_ref).toBe(`design://${second.design_id}/2`);
      expect((await create({ action: 'verify_site', design_ref: small.design_id })).body.design_ref).toBe(`design://${small.design_id}/1`);
    });

    it('keeps a Drydock node filter as given', async () => {
      const filter = { filter_set_type: 'union', filter_set: [{ filter_type: 'union', rack_names: ['rack02'] }] };
      const created = await create({ action: 'prepare_nodes', design_ref: 'lab', node_filter: filter });
      expect(created.status).toBe(201);
      expect(created.body.node_filter).toEqual(filter);
    });

    it('resolves the simpler node filter into the names of the nodes it selects', async () => {
      const created = await create({ action: 'deploy_nodes', design_ref: 'lab', node_filter: { rack_names: ['rack01'], node_names: ['node01', 'node02', 'node15'], node_labels: { role: 'compute' }, hardware_profiles: ['generic-2u'] } });
      expect(created.status).toBe(201);
      expect(created.body.node_filter).toEqual({ filter_set_type: 'union', filter_set: [{ filter_type: 'union', node_names: ['node01', 'node02'] }] });
      expect((await create({ action: 'deploy_nodes', design_ref: 'lab', node_filter: {} })).body.node_filter).toBeNull();
    });

    it.each([
      ['an unsupported action', { action: 'reboot_nodes', design_ref: 'lab' }, 400, 'Unsupported action reboot_nodes; the actions are validate_design, verify_site, prepare_site, verify_nodes, prepare_nodes, deploy_nodes, destroy_nodes, relabel_nodes.'],
      ['noop', { action: 'noop', design_ref: 'lab' }, 400, 'Unsupported action noop'],
      ['no action', { design_ref: 'lab' }, 400, 'Invalid task request: action is required.'],
      ['no design_ref', { action: 'deploy_nodes' }, 400, 'Invalid task request: design_ref is required.'],
      ['an unknown field', { action: 'deploy_nodes', design_ref: 'lab', nodes: [] }, 400, 'nodes is not a known field of task request'],
      ['an unknown design name', { action: 'deploy_nodes', design_ref: 'nowhere' }, 404, 'Design nowhere not found.'],
      ['an unknown design id', { action: 'deploy_nodes', design_ref: '0f8a36cc-a6b1-4a8d-9e11-6e0f1d5f0b4b' }, 404, 'Design 0f8a36cc-a6b1-4a8d-9e11-6e0f1d5f0b4b not found.'],
      ['a malformed design reference', { action: 'deploy_nodes', design_ref: 'design://lab' }, 400, 'Design reference design://lab is not of the form design://<design id>/<version>.'],
      ['unknown nodes and racks', { action: 'deploy_nodes', design_ref: 'lab', node_filter: { node_names: ['node01', 'nodeX'], rack_names: ['rack09'] } }, 400, 'Invalid node_filter: node_filter.node_names: the design has no node nodeX; node_filter.rack_names: the design has no rack rack09.'],
      ['a bad Drydock filter', { action: 'deploy_nodes', design_ref: 'lab', node_filter: { filter_set_type: 'all', filter_set: [] } }, 400, 'filter_set_type must be one of union, intersection (got "all")'],
      ['a filter that selects no node', { action: 'deploy_nodes', design_ref: 'lab', node_filter: { node_names: ['node01'], rack_names: ['rack02'] } }, 400, 'The node_filter selects no node of design lab version 1; deploy_nodes needs at least one.'],
    ])('answers %s with its status and a precise message', async (_case, body, status, message) => {
      const before = enqueued().length;
      const refused = await create(body);
      expect(refused.status).toBe(status);
      expect(refused.body).toEqual({ type: 'error', message: expect.stringContaining(message), retry: false });
      expect(enqueued()).toHaveLength(before);
    });
  });

  describe('reading', () => {
    let root: string;
    let child: string;
    let grandchild: string;

    beforeAll(async () => {
      root = (await create({ action: 'deploy_nodes', design_ref: 'small' })).body.task_id;
      const subtask = (action: string, parentId: string) => tasks.insert({ id: randomUUID(), parentId, action, status: 'complete', result: { status: 'failure', message: null, reason: null, successes: [], failures: ['n1'], links: {} } });
      child = (await subtask('apply_node_networking', root)).id;
      grandchild = (await subtask('deploy_node', child)).id;
      await tasks.addMessage(grandchild, { message: 'n1: image not found', error: true, contextType: 'node', context: 'n1', ts: new Date('2030-01-01T00:00:00Z') });
      await tasks.addMessage(grandchild, { message: 'n1: retrying', error: false, contextType: 'node', context: 'n1', ts: new Date('2030-01-01T00:00:01Z') });
    });

    it('lists tasks newest first, subtasks too unless top_level=true', async () => {
      const all = await api.request('GET', '/api/v1.0/tasks');
      expect(all.status).toBe(200);
      const ids = all.body.map((task: { task_id: string }) => task.task_id);
      expect(ids.slice(0, 3)).toEqual([grandchild, child, root]);
      const top = await api.request('GET', '/api/v1.0/tasks?top_level=true&limit=2');
      expect(top.body.map((task: { task_id: string }) => task.task_id)).toEqual([root, ids.find((id: string) => ![grandchild, child, root].includes(id))]);
      expect(top.body[0].subtask_id_list).toEqual([child]);
      expect((await api.request('GET', '/api/v1.0/tasks?status=complete')).body.map((task: { task_id: string }) => task.task_id)).toEqual([grandchild, child]);
    });

    it('shows a task with its subtask ids and messages', async () => {
      expect((await show(root)).body).toMatchObject({ task_id: root, subtask_id_list: [child] });
      expect((await show(grandchild)).body.result).toMatchObject({ status: 'failure', failures: ['n1'], details: { errorCount: 1, messageList: [{ message: 'n1: image not found', error: true, context_type: 'node', context: 'n1', ts: '2030-01-01T00:00:00.000Z', extra: {} }, { error: false }] } });
    });

    it('shows layers of subtasks as Drydock\'s dict: the task is layer 1, -1 is all', async () => {
      const one = (await show(root, '?layers=1')).body;
      expect(Object.keys(one).sort()).toEqual(['init_task_id', root].sort());
      const two = (await show(root, '?layers=2')).body;
      expect(Object.keys(two).sort()).toEqual(['init_task_id', root, child].sort());
      const all = (await show(root, '?layers=-1')).body;
      expect(all.init_task_id).toBe(root);
      expect(Object.keys(all).sort()).toEqual(['init_task_id', root, child, grandchild].sort());
      expect(all[grandchild]).toMatchObject({ task_id: grandchild, parent_task_id: child, action: 'deploy_node' });
    });

    it('adds subtask_errors: the error messages of every subtask that has some', async () => {
      const answer = (await show(root, '?subtaskerrors=true')).body;
      expect(Object.keys(answer).sort()).toEqual(['init_task_id', root, 'subtask_errors'].sort());
      expect(answer.subtask_errors).toEqual({ [grandchild]: { details: { errorCount: 1, messageList: [expect.objectContaining({ message: 'n1: image not found', error: true })] } } });
      expect(Object.keys((await show(root, '?layers=-1&subtaskerrors=true')).body)).toHaveLength(5);
    });

    it.each([
      ['an unknown task', `/api/v1.0/tasks/${'0f8a36cc-a6b1-4a8d-9e11-6e0f1d5f0b4b'}`, 404, 'Task 0f8a36cc-a6b1-4a8d-9e11-6e0f1d5f0b4b not found.'],
      ['a task id that is no id', '/api/v1.0/tasks/latest', 404, 'Task latest not found.'],
      ['an unknown task with layers', '/api/v1.0/tasks/0f8a36cc-a6b1-4a8d-9e11-6e0f1d5f0b4b?layers=-1', 404, 'not found'],
      ['bad layers', '/api/v1.0/tasks/0f8a36cc-a6b1-4a8d-9e11-6e0f1d5f0b4b?layers=two', 400, 'Invalid query: layers must be a whole number.'],
      ['layers below -1', '/api/v1.0/tasks/0f8a36cc-a6b1-4a8d-9e11-6e0f1d5f0b4b?layers=-2', 400, 'layers'],
      ['a bad subtaskerrors', '/api/v1.0/tasks/0f8a36cc-a6b1-4a8d-9e11-6e0f1d5f0b4b?subtaskerrors=maybe', 400, 'subtaskerrors must be one of 0, 1, true, false, yes, no (got "maybe")'],
      ['a bad limit', '/api/v1.0/tasks?limit=0', 400, 'limit'],
    ])('answers %s', async (_case, path, status, message) => {
      const answer = await api.request('GET', path);
      expect(answer.status).toBe(status);
      expect(answer.body.message).toContain(message);
    });
  });

  describe('terminating', () => {
    const terminate = (id: string) => api.request('POST', `/api/v1.0/tasks/${id}/terminate`);

    it('terminates a queued task and its subtasks at once, and tells the engine', async () => {
      const id = (await create({ action: 'prepare_site', design_ref: 'small' })).body.task_id;
      const sub = await tasks.insert({ id: randomUUID(), parentId: id, action: 'create_network_template', status: 'requested', result: { status: 'incomplete', message: null, reason: null, successes: [], failures: [], links: {} } });
      const answer = await terminate(id);
      expect(answer.status).toBe(202);
      expect(answer.body).toMatchObject({ task_id: id, status: 'terminated', terminate: true, terminated: expect.any(String), terminated_by: null, subtask_id_list: [sub.id] });
      expect(api.queue.calls.at(-1)).toEqual({ call: 'terminate', taskId: id });
      expect((await show(sub.id)).body).toMatchObject({ status: 'terminated', terminate: true });
    });

    it('marks a running task terminating; terminating again changes nothing', async () => {
      const id = (await create({ action: 'deploy_nodes', design_ref: 'small' })).body.task_id;
      await tasks.updateStatus(id, 'running');
      const first = await terminate(id);
      expect(first.body).toMatchObject({ status: 'terminating', terminate: true });
      const again = await terminate(id);
      expect(again.status).toBe(202);
      expect(again.body.terminated).toBe(first.body.terminated);
    });

    it('answers a terminated task as it is, and 409 for a complete one', async () => {
      const id = (await create({ action: 'verify_site', design_ref: 'small' })).body.task_id;
      await terminate(id);
      const calls = api.queue.calls.length;
      expect((await terminate(id)).body.status).toBe('terminated');
      expect(api.queue.calls).toHaveLength(calls);
      await tasks.updateStatus(id, 'complete');
      const refused = await terminate(id);
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual({ type: 'error', message: `Task ${id} is complete; there is nothing to terminate.`, retry: false });
    });

    it('answers 404 for an unknown task', async () => {
      expect((await terminate(randomUUID())).status).toBe(404);
    });
  });
});
