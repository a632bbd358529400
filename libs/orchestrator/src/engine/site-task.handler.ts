import { Inject, Injectable, Optional } from '@nestjs/common';
import { RingDirectory } from '@slipway/cluster';
import { SiteTaskRepository, type SiteTaskEntity } from '@slipway/db';
import { getLogger } from '@slipway/logging';
import {
  addTaskMessage,
  alignResult,
  bubbleResults,
  createSiteTask,
  recordFailure,
  recordSuccess,
  retryTask,
  selectNodes,
  type BaremetalNode,
  type NodeFilterSet,
  type SiteDesign,
  type SiteTask,
  type TaskMessageInput,
} from '@slipway/site';
import { TASK_QUEUE } from '@slipway/runtime';
import { siteNetworkTemplate, type SwitchDriver } from '@slipway/switch';
import type { FailedChild, TaskQueue } from '@slipway/task-queue';
import { siteTaskInsert } from '../tasks/site-task.mapper';
import { ENGINE_SETTINGS, type EngineSettings } from './engine-settings';
import { NodeJobHandler } from './node-job.handler';
import { driverForOob } from './node-enrolment';
import { SITE_TASK_JOBS, SITE_TASK_NODES_QUEUE, SITE_TASKS_QUEUE, siteTaskJobIds, type NodeJobData, type SiteTaskJobData } from './queue-names';
import { FINAL_TASK_STATUSES, nodeFilterFor, nodeNameOf, SiteTaskRecords, subtaskIdFor, toSiteTask } from './site-task-records';
import { SiteDesignLoader, type LoadedDesign } from './site-design-loader.service';
import { SWITCH_DRIVER } from './switch-driver.provider';
import { interleaveByRack, isNodeAction, NODE_ACTION_RETRIES, type NodeAction } from './step-plan';

const taskNote = (message: string, error = false): TaskMessageInput => ({ message, error, contextType: 'NA', context: 'NA' });

/**
 * Runs a site task (Drydock's orchestrator actions, ironic-drydock.md §6.2). `start` loads and
 * validates the design; a site-level action finishes there, a node action selects its nodes,
 * makes a subtask per node and queues a flow: one node job per subtask, and `finish` after them.
 * `finish` folds the subtasks' results into the task (bubbleResults, alignResult), goes again
 * over the failed nodes while the action has retries left (retryTask), and completes the task.
 */
@Injectable()
export class SiteTaskHandler {
  private readonly log = getLogger('SiteTaskHandler');

  constructor(
    private readonly tasks: SiteTaskRepository,
    private readonly designs: SiteDesignLoader,
    private readonly records: SiteTaskRecords,
    private readonly nodeJobs: NodeJobHandler,
    @Inject(ENGINE_SETTINGS) private readonly settings: EngineSettings,
    @Inject(SWITCH_DRIVER) private readonly switches: SwitchDriver | null,
    @Optional() private readonly rings?: RingDirectory,
    @Optional() @Inject(TASK_QUEUE) private readonly taskQueue?: TaskQueue,
  ) {}

  async start(taskId: string, correlationId?: string): Promise<void> {
    const task = await this.tasks.byId(taskId);
    if (task === null || FINAL_TASK_STATUSES.has(task.status)) return;
    if (task.status === 'terminating') return this.finish(taskId, []);
    // A running task is one this orchestrator (or one that died) started: it is picked up again.
    if (task.status !== 'running' && !(await this.records.start(taskId))) return;
    this.log.info({ task: taskId, action: task.action }, 'site task started');
    if (task.designId === null || task.designVersion === null) {
      if (task.action === 'noop') return this.records.finish(task, (t) => recordSuccess(t));
      return this.records.finish(task, (t, at) => recordFailure(addTaskMessage(t, taskNote('The task names no design.', true), at)));
    }
    const loaded = await this.designs.load(task.designId, task.designVersion);
    switch (task.action) {
      case 'noop':
        return this.records.finish(task, (t) => recordSuccess(t));
      case 'validate_design':
        return this.records.finish(task, (t, at) => this.validated(t, loaded, at));
      case 'verify_site':
      case 'prepare_site':
        return this.siteAction(task, loaded);
    }
    if (!isNodeAction(task.action)) {
      return this.records.finish(task, (t, at) => recordFailure(addTaskMessage(t, taskNote(`Action ${task.action} is not one the orchestrator runs.`, true), at)));
    }
    if (!loaded.valid || loaded.design === undefined) return this.records.finish(task, (t, at) => this.failedLoad(t, loaded, at));
    const nodes = selectNodes(loaded.design, task.nodeFilter as NodeFilterSet | null);
    if (nodes.length === 0) return this.records.finish(task, (t, at) => recordSuccess(addTaskMessage(t, taskNote('The node filter selects no node.'), at)));
    await this.runNodes(task, task.action, nodes, correlationId);
  }

  /** The parent of a task's flow: every node job of the retry sequence `sequence` has finished. */
  async finish(taskId: string, failedChildren: readonly FailedChild[], correlationId?: string, sequence?: number): Promise<void> {
    const task = await this.tasks.byId(taskId);
    if (task === null || FINAL_TASK_STATUSES.has(task.status)) return;
    let children = await this.tasks.children(taskId);
    if (sequence !== undefined && task.retry > sequence) {
      // Run again after it had started the next retry (its process died in between): that retry goes on.
      children = await this.catchUpRetry(task, children);
      const racks = await this.racksOf(task);
      const pending = children.filter((child) => !FINAL_TASK_STATUSES.has(child.status)).map((child) => ({ id: child.id, rack: racks.get(nodeNameOf(child) ?? '') ?? '' }));
      return this.queueFlow(taskId, task.retry, pending, correlationId);
    }
    const unfinished = children.filter((child) => !FINAL_TASK_STATUSES.has(child.status));
    for (const child of unfinished) {
      // Its job ended without finishing it: the job failed for good (or the task is terminating and the job never ran).
      const failure = failedChildren.find((job) => job.id.startsWith(child.id));
      if (child.terminate) await this.records.finish(child);
      else await this.nodeJobs.abandon(child, failure?.reason ?? 'the job ended without a result');
    }
    if (unfinished.length > 0) children = await this.tasks.children(taskId);
    // A subtask terminated after its node's last step has a result: it counts like a complete one.
    const subtasks = children.map(toSiteTask).map((subtask) => (subtask.status === 'terminated' && subtask.result.status !== 'incomplete' ? { ...subtask, status: 'complete' as const } : subtask));
    const action = task.action;
    const folded = await this.records.update(task, (t) => alignResult(bubbleResults(t, subtasks, action), subtasks, action));
    const current = (await this.tasks.byId(taskId)) ?? task;
    if (current.terminate) {
      this.log.info({ task: taskId }, 'site task terminated');
      return this.records.finish(current, (t, at) => addTaskMessage(t, taskNote('Task terminated.'), at));
    }
    const maxRetries = this.settings.taskRetries ?? (isNodeAction(action) ? NODE_ACTION_RETRIES[action] : 0);
    const retry = retryTask(folded, this.records.now(), maxRetries);
    if (retry.outcome === 'retry') {
      const failed = new Set(folded.result.failures);
      const again = children.filter((child) => failed.has(nodeNameOf(child) ?? ''));
      await this.records.update(current, () => retry.task);
      for (const child of again) await this.records.requeue(child.id, retry.task.retry);
      this.log.info({ task: taskId, retry: retry.task.retry, nodes: again.length }, 'site task retries its failed nodes');
      const racks = await this.racksOf(task);
      await this.queueFlow(taskId, retry.task.retry, again.map((child) => ({ id: child.id, rack: racks.get(nodeNameOf(child) ?? '') ?? '' })), correlationId);
      return;
    }
    await this.records.finish(current, () => ({ ...retry.task, result: { ...retry.task.result, message: summary(retry.task) } }));
    this.log.info({ task: taskId, result: retry.task.result.status, successes: retry.task.result.successes.length, failures: retry.task.result.failures.length }, 'site task complete');
  }

  /** A task whose start or finish failed for good (the database away through every attempt): it fails, saying why. */
  async abandon(taskId: string, reason: string): Promise<void> {
    const task = await this.tasks.byId(taskId);
    if (task === null || FINAL_TASK_STATUSES.has(task.status)) return;
    this.log.error({ task: taskId, reason }, 'site task abandoned');
    await this.records.finish(task, (t, at) => recordFailure(addTaskMessage(t, taskNote(`The task could not go on: ${reason}`, true), at)));
  }

  /**
   * A retry stores the task's new retry sequence first, then puts its failed subtasks back in
   * the queue: a process that died in between left some of them finished in the earlier
   * sequence. They go back now.
   */
  private async catchUpRetry(task: SiteTaskEntity, children: SiteTaskEntity[]): Promise<SiteTaskEntity[]> {
    const behind = children.filter((child) => FINAL_TASK_STATUSES.has(child.status) && child.retry < task.retry && child.result.failures.length > 0);
    for (const child of behind) await this.records.requeue(child.id, task.retry);
    return behind.length > 0 ? this.tasks.children(task.id) : children;
  }

  /** Makes the subtasks not made yet (a restarted task keeps those it has) and queues the flow of the unfinished ones. */
  private async runNodes(task: SiteTaskEntity, action: NodeAction, nodes: readonly BaremetalNode[], correlationId?: string): Promise<void> {
    const existing = new Map((await this.catchUpRetry(task, await this.tasks.children(task.id))).map((child) => [nodeNameOf(child), child]));
    const created: string[] = [];
    for (const node of nodes) {
      if (existing.has(node.name)) continue;
      const id = subtaskIdFor(task.id, node.name);
      const subtask = createSiteTask({ id, action, at: this.records.now(), parentId: task.id, designRef: { designId: task.designId as string, version: task.designVersion as number }, nodeFilter: nodeFilterFor(node.name) });
      const child = await this.tasks.insert(siteTaskInsert({ ...subtask, status: 'queued', retry: task.retry }));
      existing.set(node.name, child);
      created.push(id);
    }
    if (created.length > 0) await this.records.message(task.id, taskNote(`Started ${created.length} subtasks for action ${action}, one per node.`));
    const racks = new Map(nodes.map((node) => [node.name, node.metadata.rack ?? '']));
    const pending = nodes.flatMap((node) => {
      const child = existing.get(node.name) as SiteTaskEntity;
      return FINAL_TASK_STATUSES.has(child.status) ? [] : [{ id: child.id, rack: racks.get(node.name) ?? '' }];
    });
    await this.queueFlow(task.id, task.retry, pending, correlationId);
  }

  private async queueFlow(taskId: string, retry: number, subtasks: ReadonlyArray<{ id: string; rack: string }>, correlationId?: string): Promise<void> {
    const parent = { queue: SITE_TASKS_QUEUE, name: SITE_TASK_JOBS.finish, data: { taskId, correlationId, retry } satisfies SiteTaskJobData, options: this.jobOptions(siteTaskJobIds.finish(taskId, retry)) };
    if (subtasks.length === 0) {
      await this.queue().add(parent.queue, parent.name, parent.data, parent.options);
      return;
    }
    const children = interleaveByRack(subtasks, (subtask) => subtask.rack).map((subtask) => ({
      queue: SITE_TASK_NODES_QUEUE,
      name: SITE_TASK_JOBS.node,
      data: { taskId, subtaskId: subtask.id, correlationId } satisfies NodeJobData,
      options: this.jobOptions(siteTaskJobIds.node(subtask.id, retry)),
    }));
    await this.queue().addFlow({ parent, children, continueOnChildFailure: true });
  }

  private jobOptions(jobId: string) {
    return { jobId, attempts: this.settings.jobAttempts, backoffMs: this.settings.jobBackoffMs };
  }

  /** validate_design: the validation's messages, success or failure by its result. */
  private validated(task: SiteTask, loaded: LoadedDesign, at: Date): SiteTask {
    let result = loaded.messages.reduce((t, message) => addTaskMessage(t, message, at), task);
    result = loaded.valid ? recordSuccess(result) : recordFailure(result);
    return { ...result, result: { ...result.result, message: loaded.valid ? 'Site design passed validation' : 'Site design failed validation.' } };
  }

  /** Drydock's "Site design failed load": the design's problems and errors as the task's messages. */
  private failedLoad(task: SiteTask, loaded: LoadedDesign, at: Date): SiteTask {
    const errors = loaded.messages.filter((message) => message.error);
    const failed = recordFailure([taskNote('Site design failed load.', true), ...errors].reduce((t, message) => addTaskMessage(t, message, at), task));
    return { ...failed, result: { ...failed.result, message: 'Site design failed load', reason: `${errors.length} error(s) in ${loaded.ref}` } };
  }

  /**
   * verify_site: the design loads and validates, a live conductor serves the hardware type of
   * every node (Drydock checks MAAS here), and the switch driver's switches answer
   * (validate_network_services). prepare_site: the design loads and validates, and
   * create_network_template plans every node's switch ports (and readies the switches, when a
   * switch driver drives them); Drydock's other MAAS steps (user credentials, provisioner
   * repositories) have no Ironic counterpart, and the task says so.
   */
  private async siteAction(task: SiteTaskEntity, loaded: LoadedDesign): Promise<void> {
    if (!loaded.valid || loaded.design === undefined) return this.records.finish(task, (t, at) => this.failedLoad(t, loaded, at));
    const notes: TaskMessageInput[] = [];
    if (task.action === 'verify_site') {
      const drivers = new Set(loaded.design.nodes.flatMap((node) => {
        const choice = driverForOob(node.oob.type);
        return choice.ok ? [choice.driver] : [];
      }));
      for (const driver of drivers) {
        try {
          if (this.rings === undefined) throw new Error('this process does not see the conductors');
          notes.push(taskNote(`Conductor ${await this.rings.anyConductorFor(driver)} serves ${driver}.`));
        } catch (error) {
          notes.push(taskNote(`No live conductor serves ${driver}: ${error instanceof Error ? error.message : String(error)}`, true));
        }
      }
      notes.push(await this.networkServicesNote());
    } else {
      notes.push(...(await this.networkTemplateNotes(loaded.design)));
      for (const step of ['configure_user_credentials', 'configure_node_provisioner']) {
        notes.push(taskNote(`${step}: nothing to do, Ironic has no counterpart of this MAAS step.`));
      }
    }
    const ok = notes.every((note) => !note.error);
    await this.records.finish(task, (t, at) => {
      const noted = notes.reduce((current, note) => addTaskMessage(current, note, at), t);
      return ok ? recordSuccess(noted) : recordFailure(noted);
    });
  }

  /** create_network_template: the switch ports of every node planned; with a switch driver, its switches made ready. */
  private async networkTemplateNotes(design: SiteDesign): Promise<TaskMessageInput[]> {
    const template = siteNetworkTemplate(design);
    const notes = template.problems.map((problem) => taskNote(`create_network_template: ${problem}`, true));
    if (template.ports === 0) {
      notes.push(taskNote('create_network_template: the design names no switch ports (switch_port.<interface> labels).'));
      return notes;
    }
    const vlans = template.vlans.length > 0 ? `VLANs ${template.vlans.join(', ')}` : 'no VLAN';
    notes.push(taskNote(`create_network_template: ${template.ports} switch ports of ${template.nodes} nodes on ${template.switches.join(', ')}; ${vlans}.`));
    if (this.switches !== null) notes.push(await this.networkServicesNote('create_network_template'));
    return notes;
  }

  /** validate_network_services, on its own (verify_site) or as part of `step`: the switches answer and can set VLANs. */
  private async networkServicesNote(step = 'validate_network_services'): Promise<TaskMessageInput> {
    if (this.switches === null) return taskNote(`${step}: no switch driver (SLIPWAY_ORCHESTRATOR_SWITCH_DRIVER is noop).`);
    try {
      await this.switches.validateNetworkServices();
      return taskNote(`${step}: the switches answer.`);
    } catch (error) {
      return taskNote(`${step}: ${error instanceof Error ? error.message : String(error)}`, true);
    }
  }

  /** The rack of each node of the task's design, for the order of a retry's node jobs. */
  private async racksOf(task: SiteTaskEntity): Promise<Map<string, string>> {
    if (task.designId === null || task.designVersion === null) return new Map();
    const loaded = await this.designs.load(task.designId, task.designVersion);
    return new Map((loaded.design?.nodes ?? []).map((node) => [node.name, node.metadata.rack ?? '']));
  }

  private queue(): TaskQueue {
    if (this.taskQueue === undefined) throw new Error('this process has no task queue');
    return this.taskQueue;
  }
}

/** Drydock-like result message of a node action. */
function summary(task: SiteTask): string {
  const { successes, failures } = task.result;
  return `${successes.length} node(s) succeeded, ${failures.length} failed.`;
}
