import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SiteBootActionRepository, SiteTaskRepository } from '@slipway/db';
import { VALID_SITE_PATH } from '../__fixtures__/design-yaml.fixture';
import { startOrchestratorTestApp, type OrchestratorTestApp } from '../__fixtures__/orchestrator-test-app.fixture';
import { newBootActionKey } from './boot-action-key';
import { ulid } from './ulid';

// Controller test on the real PostgreSQL: what a deployed node sees of the boot action API,
// with the boot action of docs/examples/valid-site.yaml (node-init: a systemd unit and a package
// list) registered for node01 as deploy_node registers it.
const fresh = { status: 'incomplete', message: null, reason: null, successes: [], failures: [], links: {} };

describe('boot action API (/api/v1.0/bootactions)', () => {
  let api: OrchestratorTestApp;
  let tasks: SiteTaskRepository;
  let bootActions: SiteBootActionRepository;
  let design: { design_id: string; version: number };
  const key = newBootActionKey();

  beforeAll(async () => {
    api = await startOrchestratorTestApp({ adminUrl: process.env.SLIPWAY_TEST_DATABASE_URL });
    tasks = new SiteTaskRepository(api.dataSource);
    bootActions = new SiteBootActionRepository(api.dataSource);
    design = (await api.request('POST', '/api/v1.0/designs', { name: 'lab', href: VALID_SITE_PATH })).body;
  });
  afterAll(() => api?.close());

  /** A deploy_nodes task with node01's subtask and its boot action, as deploy_node leaves them. */
  async function deployed(node = 'node01', actionKey = key): Promise<{ actionId: string; subtaskId: string }> {
    const task = await tasks.insert({ id: randomUUID(), action: 'deploy_nodes', result: fresh, designId: design.design_id, designVersion: design.version });
    const subtask = await tasks.insert({ id: randomUUID(), parentId: task.id, action: 'deploy_nodes', result: fresh, designId: design.design_id, designVersion: design.version });
    const actionId = ulid();
    await bootActions.register(task.id, node, [
      { actionId, taskId: task.id, subtaskId: subtask.id, nodeName: node, actionName: 'node-init', identityKey: actionKey, signaling: true, status: 'incomplete', createdAt: new Date() },
    ]);
    return { actionId, subtaskId: subtask.id };
  }

  describe('assets', () => {
    beforeAll(() => deployed());

    it('serves the node’s units as a gzip tarball, rendered, with their permissions', async () => {
      const answer = await api.raw('GET', '/api/v1.0/bootactions/nodes/node01/units', { 'X-Bootaction-Key': key });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/gzip');
      expect(answer.headers['content-disposition']).toBe('attachment; filename="node01-unit.tar.gz"');
      const dir = mkdtempSync(join(tmpdir(), 'slipway-bootaction-'));
      try {
        writeFileSync(join(dir, 'units.tar.gz'), answer.payload);
        execFileSync('tar', ['-xzf', 'units.tar.gz'], { cwd: dir });
        const unit = join(dir, 'etc/systemd/system/node-init.service');
        expect(readFileSync(unit, 'utf8')).toBe('[Unit]\nDescription=Node init\n');
        expect(statSync(unit).mode & 0o777).toBe(0o644);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('serves an empty tarball of files when the boot actions have none', async () => {
      const answer = await api.raw('GET', '/api/v1.0/bootactions/nodes/node01/files', { 'X-Bootaction-Key': key });
      expect(answer.status).toBe(200);
      const dir = mkdtempSync(join(tmpdir(), 'slipway-bootaction-'));
      try {
        writeFileSync(join(dir, 'files.tar.gz'), answer.payload);
        expect(execFileSync('tar', ['-tzf', 'files.tar.gz'], { cwd: dir, encoding: 'utf8' })).toBe('');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('answers 401 without a key, 403 with another one, 404 for a node no deploy registered', async () => {
      const missing = await api.raw('GET', '/api/v1.0/bootactions/nodes/node01/units');
      expect([missing.status, missing.headers['www-authenticate'], JSON.parse(missing.payload.toString()).type]).toEqual([401, 'Bootaction-Key', 'error']);
      const wrong = await api.raw('GET', '/api/v1.0/bootactions/nodes/node01/units', { 'X-Bootaction-Key': newBootActionKey() });
      expect(JSON.parse(wrong.payload.toString())).toEqual({ type: 'error', message: 'Invalid X-Bootaction-Key for node node01.', retry: false });
      expect(wrong.status).toBe(403);
      const unknown = await api.raw('GET', '/api/v1.0/bootactions/nodes/node19/units', { 'X-Bootaction-Key': key });
      expect(unknown.status).toBe(404);
    });

    it('serves the latest deploy’s boot actions, with that deploy’s key', async () => {
      const newer = newBootActionKey();
      await deployed('node02', key);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await deployed('node02', newer);
      expect((await api.raw('GET', '/api/v1.0/bootactions/nodes/node02/units', { 'X-Bootaction-Key': key })).status).toBe(403);
      expect((await api.raw('GET', '/api/v1.0/bootactions/nodes/node02/units', { 'X-Bootaction-Key': newer })).status).toBe(200);
    });
  });

  describe('a design whose assets cannot be rendered', () => {
    it('answers 500 naming the node, the boot action and the asset, in Drydock’s error body', async () => {
      // A version of the design whose unit names a template variable that does not exist.
      const yaml = readFileSync(VALID_SITE_PATH, 'utf8').replace('        Description=Node init\n      data_pipeline:\n        - utf8_decode\n', '        Description=Node init on {{ node.rack }}\n      data_pipeline:\n        - utf8_decode\n        - template\n');
      const broken = (await api.request('POST', '/api/v1.0/designs', { name: 'broken', yaml })).body;
      const task = await tasks.insert({ id: randomUUID(), action: 'deploy_nodes', result: fresh, designId: broken.design_id, designVersion: broken.version });
      const subtask = await tasks.insert({ id: randomUUID(), parentId: task.id, action: 'deploy_nodes', result: fresh, designId: broken.design_id, designVersion: broken.version });
      await bootActions.register(task.id, 'node05', [
        { actionId: ulid(), taskId: task.id, subtaskId: subtask.id, nodeName: 'node05', actionName: 'node-init', identityKey: key, signaling: true, status: 'incomplete', createdAt: new Date() },
      ]);
      const answer = await api.raw('GET', '/api/v1.0/bootactions/nodes/node05/units', { 'X-Bootaction-Key': key });
      expect(answer.status).toBe(500);
      const body = JSON.parse(answer.payload.toString());
      expect(body).toMatchObject({ type: 'error', retry: false });
      expect(body.message).toMatch(/^The boot action assets of node node05 cannot be rendered: Boot action node-init, assets\[0\] \(\/etc\/systemd\/system\/node-init.service\): .*node\.rack/);
    });
  });

  describe('reports', () => {
    it('records detail messages on the node’s subtask, then the final status once', async () => {
      const { actionId, subtaskId } = await deployed('node03');
      const path = `/api/v1.0/bootactions/${actionId}`;
      const progress = await api.raw('POST', path, { 'X-Bootaction-Key': key }, { details: [{ message: 'packages installed', error: false, step: 'apt' }] });
      expect(progress.status).toBe(200);
      expect(JSON.parse(progress.payload.toString())).toEqual({ action_id: actionId, task_id: expect.any(String), node_name: 'node03', action_name: 'node-init', action_status: 'incomplete' });
      const done = await api.raw('POST', path, { 'X-Bootaction-Key': key }, { status: 'Success', details: [{ message: 'node-init done', error: false }] });
      expect(JSON.parse(done.payload.toString())).toMatchObject({ action_status: 'success' });
      const messages = await tasks.messages(subtaskId);
      expect(messages.map((message) => [message.message, message.contextType, message.context, message.extra])).toEqual([
        ['node-init: packages installed', 'bootaction', actionId, { step: 'apt' }],
        ['node-init: node-init done', 'bootaction', actionId, {}],
      ]);
      const again = await api.raw('POST', path, { 'X-Bootaction-Key': key }, { status: 'failure' });
      expect(again.status).toBe(409);
      expect(JSON.parse(again.payload.toString()).message).toBe(`Action ${actionId} status finalized (success), not available for update.`);
      expect(await tasks.messages(subtaskId)).toHaveLength(2);
    });

    it('refuses an unknown action, a missing or wrong key, and a body Drydock would refuse', async () => {
      const { actionId } = await deployed('node04');
      expect((await api.raw('POST', `/api/v1.0/bootactions/${ulid()}`, { 'X-Bootaction-Key': key }, { status: 'success' })).status).toBe(404);
      expect((await api.raw('POST', `/api/v1.0/bootactions/${actionId}`, {}, { status: 'success' })).status).toBe(401);
      expect((await api.raw('POST', `/api/v1.0/bootactions/${actionId}`, { 'X-Bootaction-Key': newBootActionKey() }, { status: 'success' })).status).toBe(403);
      const bad = await api.raw('POST', `/api/v1.0/bootactions/${actionId}`, { 'X-Bootaction-Key': key }, { status: 'done', details: [{ error: false }], extra: 1 });
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.payload.toString()).message).toBe(
        'Invalid boot action report: status must be one of Success, Failure, success, failure (got "done"); details[0].message is required; extra is not a known field of boot action report.',
      );
      expect(await bootActions.byId(actionId)).toMatchObject({ status: 'incomplete' });
    });
  });
});
