import type { SiteTaskEntity, SiteTaskInsert, SiteTaskMessageInsert, SiteTaskRepository, SiteTaskResultValue } from '@slipway/db';
import { FakeSwitchDriver, type SwitchDriver } from '@slipway/switch';
import type { FlowSpec, TaskQueue } from '@slipway/task-queue';
import { strictFake } from '@slipway/testing';
import { DESIGN_REF, exampleSite } from './__fixtures__/example-site.fixture';
import { DEFAULT_ENGINE_SETTINGS } from './engine-settings';
import type { NodeJobHandler } from './node-job.handler';
import type { NodeJobData } from './queue-names';
import type { SiteDesignLoader } from './site-design-loader.service';
import { nodeFilterFor, nodeNameOf, SiteTaskRecords, subtaskIdFor } from './site-task-records';
import { SiteTaskHandler } from './site-task.handler';

const TASK = '00000000-0000-4000-8000-0000000000aa';
const DESIGN = { designId: '00000000-0000-4000-8000-000000000001', designVersion: 1 };
const result = (status: string, successes: string[] = [], failures: string[] = []): SiteTaskResultValue => ({ status, message: null, reason: null, successes, failures, links: {} });
const only = (...names: string[]) => ({ filter_set_type: 'union', filter_set: [{ filter_type: 'union', node_names: names }] });

/** The site_tasks rows of one task, in memory, and what the handler queued. */
class TaskWorld {
  readonly rows = new Map<string, SiteTaskEntity>();
  readonly messages: string[] = [];
  readonly flows: FlowSpec[] = [];
  readonly added: Array<{ name: string; jobId?: string }> = [];

  constructor(task: Partial<SiteTaskEntity> = {}) {
    this.put({ id: TASK, parentId: null, action: 'deploy_nodes', ...DESIGN, nodeFilter: only('node01', 'node02', 'node11') as never, status: 'queued', result: result('incomplete'), retry: 0, ...task });
  }

  put(fields: Partial<SiteTaskEntity> & { id: string }): void {
    const defaults = { parentId: TASK, action: 'deploy_nodes', ...DESIGN, nodeFilter: null, status: 'queued', result: result('incomplete'), retry: 0, terminate: false, createdBy: null, updatedAt: null, terminatedAt: null, terminatedBy: null };
    this.rows.set(fields.id, { ...defaults, createdAt: new Date(Date.UTC(2030, 0, 1, 0, 0, this.rows.size)), ...this.rows.get(fields.id), ...fields } as SiteTaskEntity);
  }

  /** A finished subtask of node `name`. */
  subtask(name: string, status: string, outcome: SiteTaskResultValue, retry = 0): void {
    this.put({ id: subtaskIdFor(TASK, name), nodeFilter: nodeFilterFor(name) as never, status, result: outcome, retry });
  }

  task(): SiteTaskEntity {
    return this.rows.get(TASK) as SiteTaskEntity;
  }

  child(name: string): SiteTaskEntity {
    return this.rows.get(subtaskIdFor(TASK, name)) as SiteTaskEntity;
  }

  handler(settings = DEFAULT_ENGINE_SETTINGS, nodeJobs: Partial<NodeJobHandler> = {}, switches: SwitchDriver | null = null): SiteTaskHandler {
    const tasks = strictFake<SiteTaskRepository>('SiteTaskRepository', {
      byId: async (id: string) => (this.rows.has(id) ? { ...(this.rows.get(id) as SiteTaskEntity) } : null),
      children: async (parentId: string) => [...this.rows.values()].filter((row) => row.parentId === parentId).map((row) => ({ ...row })),
      insert: async (row: SiteTaskInsert) => {
        this.put(row as SiteTaskEntity);
        return { ...(this.rows.get(row.id) as SiteTaskEntity) };
      },
      updateStatus: async (id: string, status: string, expected?: readonly string[]) => {
        const row = this.rows.get(id);
        if (!row || (expected && !expected.includes(row.status))) return false;
        this.put({ id, status });
        return true;
      },
      updateResult: async (id: string, value: SiteTaskResultValue, retry?: number) => {
        this.put({ id, result: value, ...(retry === undefined ? {} : { retry }) });
        return true;
      },
      addMessage: async (_id: string, message: SiteTaskMessageInsert) => {
        this.messages.push(message.message);
        return this.messages.length;
      },
    });
    const queue = strictFake<TaskQueue>('TaskQueue', {
      addFlow: async (flow) => {
        this.flows.push(flow as FlowSpec);
        return flow.parent.options.jobId;
      },
      add: async (_queue, name, _data, options) => {
        this.added.push({ name, jobId: options?.jobId });
        return options?.jobId ?? name;
      },
    });
    const designs = strictFake<SiteDesignLoader>('SiteDesignLoader', { load: async () => ({ ref: DESIGN_REF, design: exampleSite(), valid: true, messages: [] }) });
    const records = new SiteTaskRecords(tasks, { now: () => new Date('2030-01-02T00:00:00Z') });
    return new SiteTaskHandler(tasks, designs, records, strictFake<NodeJobHandler>('NodeJobHandler', nodeJobs), settings, switches, undefined, queue);
  }
}

const nodesOf = (flow: FlowSpec, world: TaskWorld) => flow.children.map((child) => nodeNameOf(world.rows.get((child.data as NodeJobData).subtaskId) as SiteTaskEntity));

describe('SiteTaskHandler', () => {
  it('starts a node action: a subtask per selected node, and one flow of node jobs (round robin over racks) then finish', async () => {
    const world = new TaskWorld();
    await world.handler().start(TASK, 'req-1');
    expect(world.task().status).toBe('running');
    expect(world.child('node02')).toMatchObject({ parentId: TASK, action: 'deploy_nodes', status: 'queued', retry: 0, nodeFilter: only('node02') });
    expect(world.flows).toHaveLength(1);
    const [flow] = world.flows;
    expect(flow).toMatchObject({ continueOnChildFailure: true, parent: { queue: 'site-tasks', name: 'finish', data: { taskId: TASK, correlationId: 'req-1', retry: 0 }, options: { jobId: `${TASK}.finish.0` } } });
    expect(nodesOf(flow, world)).toEqual(['node01', 'node11', 'node02']);
    expect(flow.children[0].options).toMatchObject({ jobId: `${subtaskIdFor(TASK, 'node01')}.node.0`, attempts: 3, backoffMs: 5_000 });
    expect(world.messages).toEqual(['Started 3 subtasks for action deploy_nodes, one per node.']);
  });

  it('picks a running task up again after a restart: only the unfinished subtasks get jobs, none is made twice', async () => {
    const world = new TaskWorld({ status: 'running' });
    world.subtask('node01', 'complete', result('success', ['node01']));
    world.subtask('node02', 'running', result('incomplete'));
    await world.handler().start(TASK);
    expect([...world.rows.values()].filter((row) => row.parentId === TASK)).toHaveLength(3);
    expect(nodesOf(world.flows[0], world).sort()).toEqual(['node02', 'node11']);
  });

  it('finishes: folds the subtasks into the task and retries only the failed nodes, in the next retry sequence', async () => {
    const world = new TaskWorld({ status: 'running' });
    world.subtask('node01', 'complete', result('success', ['node01']));
    world.subtask('node02', 'complete', result('failure', [], ['node02']));
    world.subtask('node11', 'complete', result('success', ['node11']));
    await world.handler().finish(TASK, [], undefined, 0);
    expect(world.task()).toMatchObject({ status: 'running', retry: 1, result: { status: 'success', successes: ['node01', 'node11'], failures: ['node02'] } });
    expect(world.child('node02')).toMatchObject({ status: 'queued', retry: 1, result: { status: 'incomplete' } });
    expect(world.child('node01')).toMatchObject({ status: 'complete', retry: 0 });
    expect(nodesOf(world.flows[0], world)).toEqual(['node02']);
    expect(world.flows[0].parent.options.jobId).toBe(`${TASK}.finish.1`);
    expect(world.messages).toEqual(['Retrying task for failed entities.']);
  });

  it('completes with a partial success once the retries are spent', async () => {
    const world = new TaskWorld({ status: 'running', retry: 3 });
    world.subtask('node01', 'complete', result('success', ['node01']));
    world.subtask('node02', 'complete', result('failure', [], ['node02']), 3);
    world.subtask('node11', 'complete', result('success', ['node11']));
    await world.handler().finish(TASK, [], undefined, 3);
    expect(world.task()).toMatchObject({ status: 'complete', result: { status: 'partial_success', successes: ['node01', 'node11'], failures: ['node02'], message: '2 node(s) succeeded, 1 failed.' } });
    expect(world.messages).toEqual(['Retry requested, out of attempts.']);
    expect(world.flows).toEqual([]);
  });

  it('fails the node of a job that failed for good without finishing its subtask', async () => {
    const world = new TaskWorld({ status: 'running' });
    world.subtask('node01', 'complete', result('success', ['node01']));
    world.subtask('node02', 'running', result('incomplete'));
    world.subtask('node11', 'complete', result('success', ['node11']));
    const abandoned: string[] = [];
    const handler = world.handler(
      { ...DEFAULT_ENGINE_SETTINGS, taskRetries: 0 },
      {
        abandon: async (subtask, reason) => {
          abandoned.push(`${nodeNameOf(subtask)}: ${reason}`);
          world.put({ id: subtask.id, status: 'complete', result: result('failure', [], ['node02']) });
        },
      },
    );
    await handler.finish(TASK, [{ queue: 'site-task-nodes', id: `${subtaskIdFor(TASK, 'node02')}.node.0`, reason: 'database unreachable' }], undefined, 0);
    expect(abandoned).toEqual(['node02: database unreachable']);
    expect(world.task()).toMatchObject({ status: 'complete', result: { status: 'partial_success', failures: ['node02'] } });
  });

  it("goes on with a retry whose finish died after storing the task's new sequence, before requeuing the nodes", async () => {
    const world = new TaskWorld({ status: 'running', retry: 1 });
    world.subtask('node01', 'complete', result('success', ['node01']));
    world.subtask('node02', 'complete', result('failure', [], ['node02']));
    world.subtask('node11', 'complete', result('success', ['node11']));
    await world.handler().finish(TASK, [], undefined, 0);
    expect(world.child('node02')).toMatchObject({ status: 'queued', retry: 1 });
    expect(nodesOf(world.flows[0], world)).toEqual(['node02']);
    expect(world.flows[0].parent.options.jobId).toBe(`${TASK}.finish.1`);
    expect(world.task()).toMatchObject({ status: 'running', retry: 1 });
  });

  it('ends a terminating task terminated, with what its subtasks did', async () => {
    const world = new TaskWorld({ status: 'terminating', terminate: true });
    world.subtask('node01', 'complete', result('success', ['node01']));
    world.subtask('node02', 'terminated', result('success', ['node02']));
    world.subtask('node11', 'terminated', result('incomplete'));
    await world.handler().start(TASK);
    expect(world.task()).toMatchObject({ status: 'terminated', result: { successes: ['node01', 'node02'], failures: [] } });
    expect(world.messages).toEqual(['Task terminated.']);
  });

  it('verify_site asks the switch driver whether its switches answer', async () => {
    const down = new TaskWorld({ action: 'verify_site', nodeFilter: null });
    await down.handler(DEFAULT_ENGINE_SETTINGS, {}, new FakeSwitchDriver({ ports: [], switches: ['tor-1'], servicesUnavailable: 'tor-1 does not answer' })).start(TASK);
    expect(down.messages).toContain('validate_network_services: Runtime failure in driver fake: tor-1 does not answer');
    expect(down.task()).toMatchObject({ status: 'complete', result: { status: 'failure' } });
    const noop = new TaskWorld({ action: 'verify_site', nodeFilter: null });
    await noop.handler().start(TASK);
    expect(noop.messages).toContain('validate_network_services: no switch driver (SLIPWAY_ORCHESTRATOR_SWITCH_DRIVER is noop).');
  });

  it('prepare_site plans the switch ports of every node (create_network_template) and readies the switches', async () => {
    const world = new TaskWorld({ action: 'prepare_site', nodeFilter: null });
    await world.handler(DEFAULT_ENGINE_SETTINGS, {}, new FakeSwitchDriver({ ports: [], switches: ['tor-1', 'tor-2'] })).start(TASK);
    expect(world.messages).toEqual([
      'create_network_template: 60 switch ports of 20 nodes on tor-1, tor-2; VLANs 20, 100, 200.',
      'create_network_template: the switches answer.',
      'configure_user_credentials: nothing to do, Ironic has no counterpart of this MAAS step.',
      'configure_node_provisioner: nothing to do, Ironic has no counterpart of this MAAS step.',
    ]);
    expect(world.task()).toMatchObject({ status: 'complete', result: { status: 'success' } });
  });
});
