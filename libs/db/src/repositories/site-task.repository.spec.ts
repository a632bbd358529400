import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { SiteTaskResultValue } from '../entities/site-task.entity';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { SiteDesignRepository } from './site-design.repository';
import { SiteTaskRepository } from './site-task.repository';
import type { SiteTaskInsert } from './site-task.repository';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// @slipway/site STATUS_AFTER_TERMINATE, written out: the repository takes the map, it does not own it.
const STATUS_AFTER = { requested: 'terminated', queued: 'terminated', running: 'terminating', terminating: 'terminating' };
const T0 = new Date('2030-01-02T03:04:05.000Z');
const T1 = new Date('2030-01-02T03:05:00.000Z');
const fresh: SiteTaskResultValue = { status: 'incomplete', message: null, reason: null, successes: [], failures: [], links: {} };

describe('SiteTaskRepository', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let tasks: SiteTaskRepository;
  let designs: SiteDesignRepository;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl);
    dataSource = database.dataSource;
    tasks = new SiteTaskRepository(dataSource);
    designs = new SiteDesignRepository(dataSource);
  });
  afterAll(async () => {
    await database.close();
  });

  const task = (changes: Partial<SiteTaskInsert> = {}) => tasks.insert({ id: randomUUID(), action: 'deploy_nodes', result: fresh, ...changes });

  it('stores a task with its design, filter and result, and reads it back', async () => {
    const design = await designs.storeVersion(`site-${randomUUID()}`, 'yaml', 'inline', []);
    const nodeFilter = { filter_set_type: 'union', filter_set: [{ filter_type: 'union', node_names: ['n1'] }] };
    const result: SiteTaskResultValue = { status: 'partial_success', message: 'm', reason: 'r', successes: ['n1'], failures: ['n2'], links: { log: ['https://x'] } };
    const stored = await task({ designId: design.id, designVersion: design.version, nodeFilter, result, status: 'queued', createdAt: T0, createdBy: 'ops' });

    expect(stored).toEqual({
      id: stored.id,
      parentId: null,
      action: 'deploy_nodes',
      designId: design.id,
      designVersion: 1,
      nodeFilter,
      status: 'queued',
      result,
      retry: 0,
      terminate: false,
      createdAt: T0,
      createdBy: 'ops',
      updatedAt: null,
      terminatedAt: null,
      terminatedBy: null,
    });
    expect(await tasks.byId(stored.id)).toEqual(stored);
    expect(await tasks.byId(randomUUID())).toBeNull();
    expect((await task()).status).toBe('requested');
  });

  it('refuses a design id without its version, an unknown design and an unknown parent', async () => {
    const design = await designs.storeVersion(`site-${randomUUID()}`, 'yaml', 'inline', []);
    await expect(task({ designId: design.id })).rejects.toThrow(/site_tasks_design_ref_check/);
    await expect(task({ designId: randomUUID(), designVersion: 1 })).rejects.toThrow(/site_tasks_design_id_fkey/);
    await expect(task({ parentId: randomUUID() })).rejects.toThrow(/site_tasks_parent_id_fkey/);
  });

  it('lists children in creation order, and a whole tree in one query', async () => {
    const root = await task({ createdAt: T0 });
    const second = await task({ parentId: root.id, action: 'apply_node_storage', createdAt: T1 });
    const first = await task({ parentId: root.id, action: 'identify_node', createdAt: T0 });
    const grandchild = await task({ parentId: first.id, action: 'set_node_boot', createdAt: T1 });
    const otherRoot = await task();
    await task({ parentId: otherRoot.id });

    expect((await tasks.children(root.id)).map((t) => t.id)).toEqual([first.id, second.id]);
    expect(await tasks.children(grandchild.id)).toEqual([]);

    const tree = await tasks.tree(root.id);
    expect(tree?.root).toEqual(root);
    expect(new Set(tree?.descendants.map((t) => t.id))).toEqual(new Set([first.id, second.id, grandchild.id]));
    expect(tree?.descendants.map((t) => t.createdAt.getTime())).toEqual([T0, T1, T1].map((d) => d.getTime()));
    expect(await tasks.tree(first.id)).toEqual({ root: first, descendants: [grandchild] });
    expect(await tasks.tree(randomUUID())).toBeNull();
  });

  it('lists by status and level, newest or oldest first, up to the limit', async () => {
    // Older than every other task in this database, so they lead an oldest-first list.
    const at = (minute: number) => new Date(Date.UTC(1999, 0, 1, 0, minute));
    const a = await task({ status: 'queued', createdAt: at(1) });
    const b = await task({ status: 'queued', createdAt: at(2) });
    await task({ status: 'queued', parentId: a.id, createdAt: at(0) });
    await task({ status: 'complete', createdAt: at(0) });

    expect((await tasks.list({ status: ['queued'], rootsOnly: true, order: 'oldest', limit: 2 })).map((t) => t.id)).toEqual([a.id, b.id]);
    expect((await tasks.list({ status: ['queued'], order: 'oldest', limit: 1 }))[0].parentId).toBe(a.id);
    const newest = (await tasks.list({ status: ['queued', 'complete'], limit: 1000 })).map((t) => t.createdAt.getTime());
    expect(newest).toEqual([...newest].sort((x, y) => y - x));
    expect((await tasks.list({ limit: 1000 })).length).toBeGreaterThanOrEqual(4);
  });

  it('changes status only from an expected status: one of two concurrent starts wins', async () => {
    const queued = await task({ status: 'queued' });
    const starts = await Promise.all([tasks.updateStatus(queued.id, 'running', ['queued']), tasks.updateStatus(queued.id, 'running', ['queued'])]);
    expect(starts.filter(Boolean)).toHaveLength(1);
    const running = await tasks.byId(queued.id);
    expect(running?.status).toBe('running');
    expect(running?.updatedAt).toBeInstanceOf(Date);

    expect(await tasks.updateStatus(queued.id, 'complete', ['queued', 'requested'])).toBe(false);
    expect(await tasks.updateStatus(queued.id, 'complete')).toBe(true);
    expect(await tasks.updateStatus(randomUUID(), 'complete')).toBe(false);
  });

  it('replaces the result, and the retry sequence when given', async () => {
    const stored = await task();
    const result: SiteTaskResultValue = { ...fresh, status: 'failure', failures: ['n1'] };
    expect(await tasks.updateResult(stored.id, result)).toBe(true);
    expect(await tasks.byId(stored.id)).toMatchObject({ result, retry: 0 });
    expect(await tasks.updateResult(stored.id, { ...result, status: 'incomplete' }, 1)).toBe(true);
    expect(await tasks.byId(stored.id)).toMatchObject({ result: { status: 'incomplete', failures: ['n1'] }, retry: 1 });
    expect(await tasks.updateResult(randomUUID(), result)).toBe(false);
  });

  it('terminates a task and everything below it in one statement, keeping the first request', async () => {
    const root = await task({ status: 'running' });
    const child = await task({ parentId: root.id, status: 'queued' });
    const grandchild = await task({ parentId: child.id, status: 'requested' });
    const done = await task({ parentId: root.id, status: 'complete' });
    const bystander = await task({ status: 'running' });

    const marked = await tasks.terminateTree(root.id, { at: T0, by: 'ops', statusAfter: STATUS_AFTER });
    expect(new Set(marked)).toEqual(new Set([root.id, child.id, grandchild.id]));
    const after = async (id: string) => {
      const row = await tasks.byId(id);
      return [row?.status, row?.terminate, row?.terminatedAt?.toISOString() ?? null, row?.terminatedBy];
    };
    expect(await after(root.id)).toEqual(['terminating', true, T0.toISOString(), 'ops']);
    expect(await after(child.id)).toEqual(['terminated', true, T0.toISOString(), 'ops']);
    expect(await after(grandchild.id)).toEqual(['terminated', true, T0.toISOString(), 'ops']);
    expect(await after(done.id)).toEqual(['complete', false, null, null]);
    expect(await after(bystander.id)).toEqual(['running', false, null, null]);

    expect(await tasks.terminateTree(root.id, { at: T1, by: 'other', statusAfter: STATUS_AFTER })).toEqual([root.id]);
    expect(await after(root.id)).toEqual(['terminating', true, T0.toISOString(), 'ops']);
    expect(await tasks.terminateTree(randomUUID(), { at: T1, by: null, statusAfter: STATUS_AFTER })).toEqual([]);
  });

  it('keeps messages whole and in order', async () => {
    const stored = await task();
    const long = `Node n1: ${'x'.repeat(4000)}`;
    const first = await tasks.addMessage(stored.id, { message: long, error: true, contextType: 'node', context: 'n1', ts: T0, extra: { attempt: 1 } });
    const second = await tasks.addMessage(stored.id, { message: 'Retrying task for failed entities.', error: false, contextType: 'NA', context: 'NA', ts: T1 });
    expect(second).toBeGreaterThan(first);

    expect(await tasks.messages(stored.id)).toEqual([
      { seq: first, taskId: stored.id, message: long, error: true, contextType: 'node', context: 'n1', ts: T0, extra: { attempt: 1 } },
      { seq: second, taskId: stored.id, message: 'Retrying task for failed entities.', error: false, contextType: 'NA', context: 'NA', ts: T1, extra: {} },
    ]);
    expect(await tasks.messages(randomUUID())).toEqual([]);
  });

  it('reads the messages of several tasks and the subtask ids of several parents in one query each', async () => {
    const [a, b, leaf] = [await task(), await task(), await task()];
    const [a1, a2, b1] = [await task({ parentId: a.id, createdAt: T0 }), await task({ parentId: a.id, createdAt: T1 }), await task({ parentId: b.id })];
    const ma = await tasks.addMessage(a.id, { message: 'a', error: false, contextType: 'task', context: a.id, ts: T0 });
    const mb = await tasks.addMessage(b.id, { message: 'b', error: true, contextType: 'node', context: 'n1', ts: T0 });
    await tasks.addMessage(leaf.id, { message: 'not asked for', error: false, contextType: 'NA', context: 'NA', ts: T0 });

    expect((await tasks.messagesOf([a.id, b.id])).map((message) => [message.seq, message.taskId, message.message])).toEqual([
      [ma, a.id, 'a'],
      [mb, b.id, 'b'],
    ]);
    expect(await tasks.messagesOf([])).toEqual([]);
    expect(await tasks.subtaskIdsOf([a.id, b.id, leaf.id])).toEqual(
      new Map([
        [a.id, [a1.id, a2.id]],
        [b.id, [b1.id]],
        [leaf.id, []],
      ]),
    );
    expect(await tasks.subtaskIdsOf([])).toEqual(new Map());
  });

  it('records the per-node steps done, so that a retry skips them', async () => {
    const stored = await task();
    const other = await task();
    await tasks.markStepDone(stored.id, 'n1', 'identify_node', T0);
    await tasks.markStepFailed(stored.id, 'n2', 'identify_node', T0);
    await tasks.markStepDone(other.id, 'n2', 'identify_node', T0);

    expect(await tasks.isStepDone(stored.id, 'n1', 'identify_node')).toBe(true);
    expect(await tasks.isStepDone(stored.id, 'n2', 'identify_node')).toBe(false);
    expect(await tasks.isStepDone(stored.id, 'n1', 'configure_hardware')).toBe(false);

    // The retry: n2 now succeeds; a late failure report for n1 does not undo its done step.
    await tasks.markStepDone(stored.id, 'n2', 'identify_node', T1);
    await tasks.markStepFailed(stored.id, 'n1', 'identify_node', T1);
    await tasks.markStepDone(stored.id, 'n1', 'identify_node', T1);
    const done = await tasks.doneSteps(stored.id);
    expect(done.map((s) => [s.nodeName, s.step, s.status, s.finishedAt.toISOString()])).toEqual([
      ['n1', 'identify_node', 'done', T0.toISOString()],
      ['n2', 'identify_node', 'done', T1.toISOString()],
    ]);
  });

  it('records a step done and the messages reporting it together, or neither', async () => {
    const root = await task();
    const child = await task({ parentId: root.id });
    const report = { message: 'deploy_node: the node is active', error: false, contextType: 'node', context: 'n1', ts: T0 };
    await tasks.markStepDoneWithMessages(root.id, 'n1', 'deploy_node', T0, child.id, [report]);
    expect(await tasks.isStepDone(root.id, 'n1', 'deploy_node')).toBe(true);
    expect((await tasks.messages(child.id)).map((m) => m.message)).toEqual(['deploy_node: the node is active']);
    // A message that cannot be stored (its task is gone) takes the step with it.
    await expect(tasks.markStepDoneWithMessages(root.id, 'n2', 'deploy_node', T0, randomUUID(), [report])).rejects.toThrow();
    expect(await tasks.isStepDone(root.id, 'n2', 'deploy_node')).toBe(false);
  });

  it('purging a task takes its subtasks, messages and steps with it', async () => {
    const root = await task();
    const child = await task({ parentId: root.id });
    await tasks.addMessage(child.id, { message: 'm', error: false, contextType: 'task', context: child.id, ts: T0 });
    await tasks.markStepDone(child.id, 'n1', 'deploy_node', T0);

    await dataSource.query('DELETE FROM site_tasks WHERE id = $1', [root.id]);

    expect(await tasks.byId(child.id)).toBeNull();
    expect(await tasks.messages(child.id)).toEqual([]);
    expect(await tasks.doneSteps(child.id)).toEqual([]);
  });
});
