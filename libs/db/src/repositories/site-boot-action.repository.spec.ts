import { randomUUID } from 'node:crypto';
import type { SiteTaskResultValue } from '../entities/site-task.entity';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { SiteBootActionRepository, type SiteBootActionInsert } from './site-boot-action.repository';
import { SiteTaskRepository } from './site-task.repository';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const fresh: SiteTaskResultValue = { status: 'incomplete', message: null, reason: null, successes: [], failures: [], links: {} };
const T0 = new Date('2030-01-02T03:04:05.000Z');
const T1 = new Date('2030-01-02T03:05:00.000Z');
let sequence = 0;
const ulid = () => `01JBOOTACT${String(sequence++).padStart(16, '0')}`;

describe('SiteBootActionRepository', () => {
  let database: MigratedTestDatabase;
  let tasks: SiteTaskRepository;
  let bootActions: SiteBootActionRepository;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl);
    tasks = new SiteTaskRepository(database.dataSource);
    bootActions = new SiteBootActionRepository(database.dataSource);
  });
  afterAll(async () => {
    await database.close();
  });

  async function deployTask(): Promise<{ taskId: string; subtaskId: string }> {
    const task = await tasks.insert({ id: randomUUID(), action: 'deploy_nodes', result: fresh });
    const subtask = await tasks.insert({ id: randomUUID(), parentId: task.id, action: 'deploy_nodes', result: fresh });
    return { taskId: task.id, subtaskId: subtask.id };
  }

  const rows = (ids: { taskId: string; subtaskId: string }, node: string, names: string[], at = T0): SiteBootActionInsert[] =>
    names.map((actionName) => ({ ...ids, actionId: ulid(), nodeName: node, actionName, identityKey: 'ab'.repeat(32), signaling: actionName !== 'quiet', status: actionName === 'quiet' ? 'success' : 'incomplete', createdAt: at }));

  it('registers a node’s boot actions once per task: a second registration gets the first one’s rows', async () => {
    const ids = await deployTask();
    const first = await bootActions.register(ids.taskId, 'n1', rows(ids, 'n1', ['init', 'quiet']));
    expect(first.map((row) => [row.actionName, row.status, row.signaling, row.updatedAt])).toEqual([
      ['init', 'incomplete', true, null],
      ['quiet', 'success', false, null],
    ]);
    const again = await bootActions.register(ids.taskId, 'n1', rows(ids, 'n1', ['init', 'quiet']));
    expect(again.map((row) => row.actionId)).toEqual(first.map((row) => row.actionId));
    expect(await bootActions.byId(first[0].actionId)).toEqual(first[0]);
    expect(await bootActions.byId('01JNOSUCHACTION0000000000')).toBeNull();
  });

  it('registers concurrently without duplicates', async () => {
    const ids = await deployTask();
    const results = await Promise.all([1, 2, 3].map(() => bootActions.register(ids.taskId, 'n2', rows(ids, 'n2', ['init']))));
    expect(new Set(results.map((result) => result[0].actionId)).size).toBe(1);
    expect(await bootActions.forNodeInTask(ids.taskId, 'n2')).toHaveLength(1);
  });

  it('finds the boot actions of the node’s latest deploy', async () => {
    const older = await deployTask();
    const newer = await deployTask();
    await bootActions.register(older.taskId, 'n3', rows(older, 'n3', ['init'], T0));
    const latest = await bootActions.register(newer.taskId, 'n3', rows(newer, 'n3', ['init', 'quiet'], T1));
    expect(await bootActions.latestForNode('n3')).toEqual(latest);
    expect(await bootActions.latestForNode('nobody')).toEqual([]);
  });

  it('finishes an incomplete action once: a final status does not change again', async () => {
    const ids = await deployTask();
    const [init, quiet] = await bootActions.register(ids.taskId, 'n4', rows(ids, 'n4', ['init', 'quiet']));
    expect(await bootActions.finish(init.actionId, 'failure', T1)).toBe(true);
    expect(await bootActions.finish(init.actionId, 'success', T1)).toBe(false);
    expect(await bootActions.finish(quiet.actionId, 'failure', T1)).toBe(false);
    expect(await bootActions.byId(init.actionId)).toMatchObject({ status: 'failure', updatedAt: T1 });
    expect(await bootActions.finishAll([init.actionId, quiet.actionId], 'success', T1)).toBe(0);
    expect(await bootActions.finishAll([], 'success', T1)).toBe(0);
  });

  it('goes with its task', async () => {
    const ids = await deployTask();
    const [row] = await bootActions.register(ids.taskId, 'n5', rows(ids, 'n5', ['init']));
    await database.dataSource.query('DELETE FROM site_tasks WHERE id = $1', [ids.taskId]);
    expect(await bootActions.byId(row.actionId)).toBeNull();
  });
});
