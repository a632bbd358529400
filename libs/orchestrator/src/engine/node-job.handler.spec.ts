import type { SiteTaskEntity, SiteTaskRepository } from '@slipway/db';
import { strictFake } from '@slipway/testing';
import type { SiteTask } from '@slipway/site';
import { DESIGN_REF, exampleSite } from './__fixtures__/example-site.fixture';
import { NodeJobHandler } from './node-job.handler';
import type { NodeStepHandler, StepOutcome } from './node-step.handler';
import type { RackSlots } from './rack-slots.port';
import type { SiteDesignLoader } from './site-design-loader.service';
import { nodeFilterFor, toSiteTask, type SiteTaskRecords } from './site-task-records';

const TASK = '00000000-0000-4000-8000-0000000000aa';
const SUBTASK = '00000000-0000-4000-8000-0000000000bb';

/** A deploy_nodes subtask for node01, its task's step records and messages, and a script of step outcomes. */
class NodeJobWorld {
  subtask: SiteTaskEntity = {
    id: SUBTASK,
    parentId: TASK,
    action: 'deploy_nodes',
    designId: '00000000-0000-4000-8000-000000000001',
    designVersion: 1,
    nodeFilter: nodeFilterFor('node01') as never,
    status: 'queued',
    result: { status: 'incomplete', message: null, reason: null, successes: [], failures: [], links: {} },
    retry: 0,
    terminate: false,
    createdAt: new Date('2030-01-01T00:00:00Z'),
    createdBy: null,
    updatedAt: null,
    terminatedAt: null,
    terminatedBy: null,
  };
  readonly done = new Set<string>(['apply_node_networking']);
  readonly failed: string[] = [];
  readonly ran: string[] = [];
  readonly messages: string[] = [];
  outcomes = new Map<string, StepOutcome>();
  /** Called before each step runs (a termination request arriving meanwhile). */
  beforeStep: (step: string) => void = () => undefined;
  /** The racks whose slot the job holds now. */
  readonly holding: string[] = [];

  handler(): NodeJobHandler {
    const tasks = strictFake<SiteTaskRepository>('SiteTaskRepository', {
      byId: async () => ({ ...this.subtask }),
      isStepDone: async (_task: string, _node: string, step: string) => this.done.has(step),
      markStepDoneWithMessages: async (task: string, node: string, step: string, _at: Date, messageTask: string, messages: ReadonlyArray<{ message: string }>) => {
        expect([task, node, messageTask]).toEqual([TASK, 'node01', SUBTASK]);
        this.done.add(step);
        this.messages.push(...messages.map((message) => message.message));
      },
      markStepFailed: async (_task: string, _node: string, step: string) => void this.failed.push(step),
    });
    const designs = strictFake<SiteDesignLoader>('SiteDesignLoader', { load: async () => ({ ref: DESIGN_REF, design: exampleSite(), valid: true, messages: [] }) });
    const steps = strictFake<NodeStepHandler>('NodeStepHandler', {
      run: async (step) => {
        this.beforeStep(step);
        this.ran.push(step);
        return this.outcomes.get(step) ?? { kind: 'done', messages: [`${step} ok`] };
      },
    });
    const records = strictFake<SiteTaskRecords>('SiteTaskRecords', {
      now: () => new Date('2030-01-01T00:00:00Z'),
      start: async () => {
        this.subtask.status = 'running';
        return true;
      },
      message: async (_task, input) => void this.messages.push(input.message),
      finish: async (_entity: SiteTaskEntity, change?: (task: SiteTask, at: Date) => SiteTask) => {
        const changed = change ? change(toSiteTask(this.subtask), new Date()) : toSiteTask(this.subtask);
        this.subtask.result = { ...this.subtask.result, status: changed.result.status, successes: changed.result.successes, failures: changed.result.failures };
        this.subtask.status = this.subtask.status === 'terminating' ? 'terminated' : 'complete';
      },
    });
    const racks = strictFake<RackSlots>('RackSlots', {
      run: async <T>(rack: string, work: () => Promise<T>) => {
        this.holding.push(rack);
        try {
          return await work();
        } finally {
          this.holding.pop();
        }
      },
    });
    return new NodeJobHandler(tasks, designs, steps, records, racks);
  }
}

describe('NodeJobHandler', () => {
  it('runs the steps not done yet, in order, records each done with its report, and the node a success', async () => {
    const world = new NodeJobWorld();
    expect(await world.handler().run(SUBTASK, false)).toEqual({ kind: 'finished' });
    expect(world.ran).toEqual(['apply_node_storage', 'apply_node_platform', 'create_boot_media', 'deploy_node', 'config_port_production', 'bootaction_report']);
    expect(world.messages).toEqual([
      'apply_node_storage: apply_node_storage ok',
      'apply_node_platform: apply_node_platform ok',
      'create_boot_media: create_boot_media ok',
      'deploy_node: deploy_node ok',
      'config_port_production: config_port_production ok',
      'bootaction_report: bootaction_report ok',
    ]);
    expect(world.subtask).toMatchObject({ status: 'complete', result: { status: 'success', successes: ['node01'] } });
  });

  it("runs the steps holding a slot of the node's rack, and gives it back", async () => {
    const world = new NodeJobWorld();
    const held: string[][] = [];
    world.beforeStep = () => void held.push([...world.holding]);
    await world.handler().run(SUBTASK, false);
    expect(held).toEqual(world.ran.map(() => ['rack01']));
    expect(world.holding).toEqual([]);
  });

  it('does nothing for a subtask already finished', async () => {
    const world = new NodeJobWorld();
    world.subtask.status = 'complete';
    expect(await world.handler().run(SUBTASK, false)).toEqual({ kind: 'finished' });
    expect(world.ran).toEqual([]);
  });

  it('asks the queue to run the job again for a transient failure, and fails the node on the last attempt', async () => {
    const world = new NodeJobWorld();
    world.outcomes.set('apply_node_platform', { kind: 'failed', reason: 'Node node01 is locked by c1', retryable: true });
    expect(await world.handler().run(SUBTASK, false)).toEqual({ kind: 'retry', reason: 'Node node01 is locked by c1' });
    expect(world.subtask.status).toBe('running');
    expect(world.failed).toEqual(['apply_node_platform']);
    // The next attempt goes on from the failed step; it is the last one.
    world.ran.length = 0;
    expect(await world.handler().run(SUBTASK, true)).toEqual({ kind: 'finished' });
    expect(world.ran).toEqual(['apply_node_platform']);
    expect(world.subtask).toMatchObject({ status: 'complete', result: { status: 'failure', failures: ['node01'] } });
    expect(world.messages.filter((message) => message.startsWith('apply_node_platform: Node node01 is locked'))).toHaveLength(2);
  });

  it('fails the node at once for a failure retrying cannot help, without running the next steps', async () => {
    const world = new NodeJobWorld();
    world.outcomes.set('apply_node_storage', { kind: 'failed', reason: 'Node node01 is not enrolled in Ironic: run prepare_nodes first.', retryable: false });
    expect(await world.handler().run(SUBTASK, false)).toEqual({ kind: 'finished' });
    expect(world.ran).toEqual(['apply_node_storage']);
    expect(world.subtask.result).toMatchObject({ status: 'failure', failures: ['node01'] });
  });

  it('stops before the next step once the task is to be terminated, and ends terminated', async () => {
    const world = new NodeJobWorld();
    world.beforeStep = (step) => {
      if (step === 'apply_node_platform') Object.assign(world.subtask, { terminate: true, status: 'terminating' });
    };
    expect(await world.handler().run(SUBTASK, false)).toEqual({ kind: 'finished' });
    expect(world.ran).toEqual(['apply_node_storage', 'apply_node_platform']);
    expect(world.messages.at(-1)).toBe('Terminated before create_boot_media.');
    expect(world.subtask).toMatchObject({ status: 'terminated', result: { status: 'incomplete' } });
  });
});
