import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { SiteTaskRepository, type SiteDesignEntity, type SiteTaskEntity } from '@slipway/db';
import { InvalidParameterValueError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { CLOCK, type Clock } from '@slipway/runtime';
import { createSiteTask, STATUS_AFTER_TERMINATE, taskView, type NodeFilterSet, type SiteTask, type TaskView } from '@slipway/site';
import { ingestStoredDesign } from '../designs/design-ingest';
import { DesignLookupService } from '../designs/design-lookup.service';
import { SiteTaskEngineUnavailableError, SiteTaskFinishedError, SiteTaskNotFoundError } from '../errors/site-task.error';
import { nodesSelected } from '../nodes/node-filter.dto';
import { SITE_TASK_QUEUE, type SiteTaskQueue } from './site-task-queue.port';
import { siteTaskInsert, siteTaskOf } from './site-task.mapper';
import { NODE_TASK_ACTIONS, readTaskListQuery, readTaskRequest, readTaskShowQuery, type TaskRequest } from './task-request.dto';
import { taskTreeView } from './task-tree.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Site tasks through the API: creates them (stored `queued`, then handed to the task engine
 * through SITE_TASK_QUEUE), shows them as Drydock does, and asks for their termination. The engine
 * runs them and records their progress in the same tables.
 */
@Injectable()
export class SiteTasksService {
  private readonly log = getLogger('SiteTasksService');

  constructor(
    private readonly tasks: SiteTaskRepository,
    private readonly designs: DesignLookupService,
    @Inject(CLOCK) private readonly clock: Clock,
    // Optional until a process wires its engine in: without one, creating and terminating answer 503.
    @Optional() @Inject(SITE_TASK_QUEUE) private readonly queue?: SiteTaskQueue,
  ) {}

  async create(body: unknown, requester: string | null): Promise<TaskView> {
    const request = readTaskRequest(body);
    const queue = this.engine();
    const design = await this.designs.resolve(request.designRef);
    const nodeFilter = this.nodeFilterFor(design, request);
    const task = { ...createSiteTask({ id: randomUUID(), action: request.action, at: this.clock.now(), designRef: { designId: design.id, version: design.version }, nodeFilter, createdBy: requester }), status: 'queued' as const };
    await this.tasks.insert(siteTaskInsert(task));
    this.log.info({ task: task.id, action: task.action, design: design.id, version: design.version }, 'queued a site task');
    await queue.enqueue(task.id);
    return taskView(task);
  }

  /** Newest first; `?limit=` (100), `?status=a,b`, `?top_level=true` (no subtasks). */
  async list(query: Record<string, unknown>): Promise<TaskView[]> {
    const { limit, statuses, topLevel } = readTaskListQuery(query);
    const entities = await this.tasks.list({ limit, status: statuses, rootsOnly: topLevel, order: 'newest' });
    return (await this.withDetails(entities)).map(taskView);
  }

  async show(id: string, query: Record<string, unknown>) {
    const options = readTaskShowQuery(query);
    if (options.layers === 0 && !options.subtaskErrors) return taskView(await this.one(id));
    const tree = UUID.test(id) ? await this.tasks.tree(id.toLowerCase()) : null;
    if (!tree) throw new SiteTaskNotFoundError({ task: id });
    const tasks = await this.withDetails([tree.root, ...tree.descendants], [tree.root, ...tree.descendants]);
    return taskTreeView(tasks[0], new Map(tasks.map((task) => [task.id, task])), options);
  }

  /**
   * Marks the task and its subtasks for termination (a queued task ends terminated at once, a
   * running one terminating) and tells the engine to stop it. A terminated task stays as it is; a
   * complete one cannot be terminated (409).
   */
  async terminate(id: string, requester: string | null): Promise<TaskView> {
    const task = await this.one(id);
    if (task.status === 'complete') throw new SiteTaskFinishedError({ task: task.id, status: task.status });
    if (task.status === 'terminated') return taskView(task);
    const queue = this.engine();
    const marked = await this.tasks.terminateTree(task.id, { at: this.clock.now(), by: requester, statusAfter: STATUS_AFTER_TERMINATE });
    this.log.info({ task: task.id, tasks: marked.length, by: requester }, 'asked a site task to terminate');
    await queue.terminate(task.id);
    return taskView(await this.one(task.id));
  }

  private engine(): SiteTaskQueue {
    if (!this.queue) throw new SiteTaskEngineUnavailableError();
    return this.queue;
  }

  private async one(id: string): Promise<SiteTask> {
    const entity = UUID.test(id) ? await this.tasks.byId(id.toLowerCase()) : null;
    if (!entity) throw new SiteTaskNotFoundError({ task: id });
    return (await this.withDetails([entity]))[0];
  }

  /**
   * The tasks with their messages and subtask ids. When `family` holds every child of the tasks
   * (a tree), subtask ids come from it; otherwise they are read.
   */
  private async withDetails(entities: readonly SiteTaskEntity[], family?: readonly SiteTaskEntity[]): Promise<SiteTask[]> {
    const ids = entities.map((entity) => entity.id);
    const subtaskIds = family ? childIdsIn(ids, family) : await this.tasks.subtaskIdsOf(ids);
    const messages = groupBy(await this.tasks.messagesOf(ids), (message) => message.taskId);
    return entities.map((entity) => siteTaskOf(entity, messages.get(entity.id) ?? [], subtaskIds.get(entity.id) ?? []));
  }

  /**
   * The filter the task keeps: Drydock's as given; the simpler shape resolved against the design
   * version (immutable, so this selects what the filter would at run time) into the node names.
   * A node action must select at least one node.
   */
  private nodeFilterFor(design: SiteDesignEntity, request: TaskRequest): NodeFilterSet | null {
    const selected = nodesSelected(ingestStoredDesign(design).design, request.nodeFilter);
    if (NODE_TASK_ACTIONS.includes(request.action) && selected.length === 0) {
      throw new InvalidParameterValueError(`The node_filter selects no node of design ${design.name} version ${design.version}; ${request.action} needs at least one.`);
    }
    if (request.nodeFilter === undefined) return null;
    if (request.nodeFilter.shape === 'drydock') return request.nodeFilter.filter;
    if (Object.values(request.nodeFilter.selection).every((criterion) => criterion === undefined)) return null;
    return { filter_set_type: 'union', filter_set: [{ filter_type: 'union', node_names: selected.map((node) => node.name) }] };
  }
}

/** Children by parent, in the family's order (creation order). */
function childIdsIn(ids: readonly string[], family: readonly SiteTaskEntity[]): Map<string, string[]> {
  const byParent = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const task of family) if (task.parentId !== null) byParent.get(task.parentId)?.push(task.id);
  return byParent;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
