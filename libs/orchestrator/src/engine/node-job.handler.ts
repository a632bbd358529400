import { Inject, Injectable } from '@nestjs/common';
import { SiteTaskRepository, type SiteTaskEntity } from '@slipway/db';
import { getLogger } from '@slipway/logging';
import { recordFailure, recordSuccess } from '@slipway/site';
import { NodeStepHandler } from './node-step.handler';
import { RACK_SLOTS, type RackSlots } from './rack-slots.port';
import { FINAL_TASK_STATUSES, nodeNameOf, SiteTaskRecords } from './site-task-records';
import { SiteDesignLoader } from './site-design-loader.service';
import { isNodeAction, remainingSteps } from './step-plan';

/** How a node job ended: its subtask is finished (complete or terminated), or it should run again later. */
export type NodeJobOutcome = { kind: 'finished' } | { kind: 'retry'; reason: string };

const finished: NodeJobOutcome = { kind: 'finished' };

/**
 * One node of a site task (its subtask): runs the steps of the task's action not yet done on the
 * node, in order, each recorded in site_task_steps once done, so a retried or restarted job runs
 * only the rest. Stops before the next step when the task is to be terminated. Holds a slot of
 * the node's rack (RACK_SLOTS, shared by the cluster) while it works.
 */
@Injectable()
export class NodeJobHandler {
  private readonly log = getLogger('NodeJobHandler');

  constructor(
    private readonly tasks: SiteTaskRepository,
    private readonly designs: SiteDesignLoader,
    private readonly steps: NodeStepHandler,
    private readonly records: SiteTaskRecords,
    @Inject(RACK_SLOTS) private readonly racks: RackSlots,
  ) {}

  /** `lastAttempt`: the queue will not run this job again, so a transient failure is final. */
  async run(subtaskId: string, lastAttempt: boolean): Promise<NodeJobOutcome> {
    const subtask = await this.tasks.byId(subtaskId);
    if (subtask === null || FINAL_TASK_STATUSES.has(subtask.status)) return finished;
    const nodeName = nodeNameOf(subtask);
    const taskId = subtask.parentId;
    if (nodeName === undefined || taskId === null || !isNodeAction(subtask.action) || subtask.designId === null || subtask.designVersion === null) {
      await this.records.finish(subtask, (task) => recordFailure(task));
      this.log.error({ subtask: subtaskId }, 'a node job got a task that is no node subtask');
      return finished;
    }
    if (subtask.terminate) {
      await this.records.finish(subtask);
      return finished;
    }
    await this.records.start(subtaskId);
    const loaded = await this.designs.load(subtask.designId, subtask.designVersion);
    const node = loaded.design?.nodes.find((candidate) => candidate.name === nodeName);
    if (!loaded.valid || loaded.design === undefined || node === undefined) {
      const reason = node === undefined && loaded.design !== undefined ? `Node ${nodeName} is not in ${loaded.ref}.` : 'Site design failed load.';
      await this.fail(subtask, nodeName, reason);
      return finished;
    }
    const context = { node, design: loaded.design, designRef: loaded.ref, taskId, subtaskId };
    const action = subtask.action;
    return this.racks.run(node.metadata.rack ?? '', async () => {
      const done = new Set<string>();
      for (const step of remainingSteps(action, new Set())) if (await this.tasks.isStepDone(taskId, nodeName, step)) done.add(step);
      for (const step of remainingSteps(action, done)) {
        if (await this.terminating(subtaskId)) {
          await this.records.message(subtaskId, { message: `Terminated before ${step}.`, error: false, contextType: 'node', context: nodeName });
          await this.records.finish((await this.tasks.byId(subtaskId)) ?? subtask);
          return finished;
        }
        this.log.info({ task: taskId, node: nodeName, step }, 'node step started');
        const outcome = await this.steps.run(step, context);
        if (outcome.kind === 'done') {
          const at = this.records.now();
          const reports = outcome.messages.map((message) => ({ message: `${step}: ${message}`, error: false, contextType: 'node', context: nodeName, ts: at }));
          await this.tasks.markStepDoneWithMessages(taskId, nodeName, step, at, subtaskId, reports);
          continue;
        }
        await this.tasks.markStepFailed(taskId, nodeName, step, this.records.now());
        await this.records.message(subtaskId, { message: `${step}: ${outcome.reason}`, error: true, contextType: 'node', context: nodeName, extra: { step } });
        if (outcome.retryable && !lastAttempt) return { kind: 'retry', reason: outcome.reason };
        await this.records.finish((await this.tasks.byId(subtaskId)) ?? subtask, (task) => recordFailure(task, nodeName));
        return finished;
      }
      await this.records.finish((await this.tasks.byId(subtaskId)) ?? subtask, (task) => recordSuccess(task, nodeName));
      return finished;
    });
  }

  /** A subtask whose job failed for good without saying so (its job crashed every time): a failure of its node. */
  async abandon(subtask: SiteTaskEntity, reason: string): Promise<void> {
    await this.fail(subtask, nodeNameOf(subtask) ?? subtask.id, `The node job failed: ${reason}`);
  }

  private async fail(subtask: SiteTaskEntity, nodeName: string, reason: string): Promise<void> {
    await this.records.message(subtask.id, { message: reason, error: true, contextType: 'node', context: nodeName });
    await this.records.finish(subtask, (task) => recordFailure(task, nodeName));
  }

  private async terminating(subtaskId: string): Promise<boolean> {
    return (await this.tasks.byId(subtaskId))?.terminate ?? true;
  }
}
