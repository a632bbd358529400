import { z } from 'zod';
import { InvalidParameterValueError } from '@slipway/errors';
import { SITE_TASK_ACTIONS, type SiteTaskAction } from '@slipway/site';
import { readInput } from '../http/request-input';
import { readNodeFilter, type NodeFilterInput } from '../nodes/node-filter.dto';

/** What a client may ask for: Drydock's eight actions (`noop` is the orchestrator's own). */
export const REQUESTABLE_TASK_ACTIONS = SITE_TASK_ACTIONS.filter((action) => action !== 'noop');

/** The actions that work on nodes: their node filter must select at least one. */
export const NODE_TASK_ACTIONS: readonly SiteTaskAction[] = ['verify_nodes', 'prepare_nodes', 'deploy_nodes', 'destroy_nodes', 'relabel_nodes'];

export interface TaskRequest {
  action: SiteTaskAction;
  /** `design://<id>/<version>`, a design id or a design name (its latest version). */
  designRef: string;
  nodeFilter: NodeFilterInput;
}

const taskRequestSchema = z.strictObject({
  action: z.string(),
  design_ref: z.string().refine((ref) => ref.trim() !== '', { error: 'must not be empty' }),
  node_filter: z.unknown().optional(),
});

/** The body of POST /tasks: `{action, design_ref, node_filter}`. */
export function readTaskRequest(body: unknown): TaskRequest {
  const fields = readInput(taskRequestSchema, body ?? {}, 'task request');
  const action = REQUESTABLE_TASK_ACTIONS.find((candidate) => candidate === fields.action);
  if (action === undefined) throw new InvalidParameterValueError(`Unsupported action ${fields.action}; the actions are ${REQUESTABLE_TASK_ACTIONS.join(', ')}.`);
  return { action, designRef: fields.design_ref.trim(), nodeFilter: readNodeFilter(fields.node_filter) };
}

export interface TaskListQuery {
  limit: number;
  statuses?: string[];
  topLevel: boolean;
}

export interface TaskShowQuery {
  /** Drydock's `layers`: 0 the task alone, N the task and N-1 levels of subtasks, -1 all of them. */
  layers: number;
  subtaskErrors: boolean;
}

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((text) => ['true', '1', 'yes'].includes(text));
const wholeNumber = (min: number, max: number) => z.string().regex(/^-?\d+$/, { error: 'must be a whole number' }).transform(Number).pipe(z.number().min(min).max(max));

/** `GET /tasks?limit=&status=a,b&top_level=` (newest first; 100 by default). */
export function readTaskListQuery(query: Record<string, unknown>): TaskListQuery {
  const schema = z.object({ limit: wholeNumber(1, 1000).optional(), status: z.string().optional(), top_level: bool.optional() });
  const parsed = readInput(schema, query, 'query');
  return { limit: parsed.limit ?? 100, statuses: parsed.status?.split(',').map((status) => status.trim()).filter((status) => status !== ''), topLevel: parsed.top_level ?? false };
}

/** `GET /tasks/{id}?layers=N&subtaskerrors=true`. */
export function readTaskShowQuery(query: Record<string, unknown>): TaskShowQuery {
  const schema = z.object({ layers: wholeNumber(-1, 1000).optional(), subtaskerrors: bool.optional(), builddata: bool.optional() });
  const parsed = readInput(schema, query, 'query');
  return { layers: parsed.layers ?? 0, subtaskErrors: parsed.subtaskerrors ?? false };
}
