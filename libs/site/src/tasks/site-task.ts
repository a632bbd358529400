// Drydock's task model (ironic-drydock.md §6.4) as plain, immutable data. Every operation in this
// folder is a function that returns a new task; nothing here does I/O or reads a clock: callers
// pass the time.

import type { NodeFilterSet } from '../model/site-design';

/** Where a task is in its life (Drydock's TaskStatus). */
export const SITE_TASK_STATUSES = ['requested', 'queued', 'running', 'terminating', 'terminated', 'complete'] as const;
export type SiteTaskStatus = (typeof SITE_TASK_STATUSES)[number];

/** How a task's work turned out so far (Drydock's ActionResult). */
export const SITE_TASK_RESULT_STATUSES = ['incomplete', 'success', 'partial_success', 'failure', 'unreported'] as const;
export type SiteTaskResultStatus = (typeof SITE_TASK_RESULT_STATUSES)[number];

/**
 * The orchestrator-level actions, the ones a client may ask for, plus `noop`. Subtasks carry the
 * name of the step they run (e.g. `identify_node`), so a task's `action` is any string.
 */
export const SITE_TASK_ACTIONS = [
  'noop',
  'validate_design',
  'verify_site',
  'prepare_site',
  'verify_nodes',
  'prepare_nodes',
  'deploy_nodes',
  'destroy_nodes',
  'relabel_nodes',
] as const;
export type SiteTaskAction = (typeof SITE_TASK_ACTIONS)[number];

export function isSiteTaskAction(value: string): value is SiteTaskAction {
  return (SITE_TASK_ACTIONS as readonly string[]).includes(value);
}

/** The stored design version a task runs on. */
export interface SiteTaskDesignRef {
  designId: string;
  version: number;
}

/** A progress or error line of a task (Drydock's TaskStatusMessage). Kept whole: no truncation. */
export interface SiteTaskMessage {
  message: string;
  error: boolean;
  /** What the message is about: `node`, `task`, `site`, `NA`... */
  contextType: string;
  /** Its name: a node name, a task id... */
  context: string;
  ts: Date;
  extra: Record<string, unknown>;
}

/** A task's result (Drydock's TaskStatus object). The error count is that of the error messages. */
export interface SiteTaskResult {
  status: SiteTaskResultStatus;
  message: string | null;
  reason: string | null;
  /** Entities (node names) the task succeeded on, each once, in the order they were recorded. */
  successes: string[];
  failures: string[];
  /** External references by relation, e.g. `{ builddata: ['https://…'] }`. */
  links: Record<string, string[]>;
  messages: SiteTaskMessage[];
}

export interface SiteTask {
  id: string;
  parentId: string | null;
  action: string;
  designRef: SiteTaskDesignRef | null;
  nodeFilter: NodeFilterSet | null;
  status: SiteTaskStatus;
  result: SiteTaskResult;
  /** The retry sequence: 0 on the first run, +1 on every retry of the failed entities. */
  retry: number;
  subtaskIds: string[];
  createdAt: Date;
  createdBy: string | null;
  updatedAt: Date | null;
  /** Marked for termination (the request); `status` says how far termination got. */
  terminate: boolean;
  terminatedAt: Date | null;
  terminatedBy: string | null;
}

export interface NewSiteTask {
  id: string;
  action: string;
  at: Date;
  parentId?: string | null;
  designRef?: SiteTaskDesignRef | null;
  nodeFilter?: NodeFilterSet | null;
  createdBy?: string | null;
}

/** A new task: requested, nothing done yet, no retry. */
export function createSiteTask(input: NewSiteTask): SiteTask {
  return {
    id: input.id,
    parentId: input.parentId ?? null,
    action: input.action,
    designRef: input.designRef ?? null,
    nodeFilter: input.nodeFilter ?? null,
    status: 'requested',
    result: { status: 'incomplete', message: null, reason: null, successes: [], failures: [], links: {}, messages: [] },
    retry: 0,
    subtaskIds: [],
    createdAt: input.at,
    createdBy: input.createdBy ?? null,
    updatedAt: null,
    terminate: false,
    terminatedAt: null,
    terminatedBy: null,
  };
}

const DESIGN_REF = /^design:\/\/([0-9a-f-]{36})\/([1-9][0-9]*)$/i;

/** `design://<design id>/<version>`: how a task's design reference reads in Drydock's `design_ref`. */
export function formatTaskDesignRef(ref: SiteTaskDesignRef): string {
  return `design://${ref.designId}/${ref.version}`;
}

/** The reverse of formatTaskDesignRef; undefined for any other text. */
export function parseTaskDesignRef(text: string): SiteTaskDesignRef | undefined {
  const match = DESIGN_REF.exec(text);
  return match ? { designId: match[1].toLowerCase(), version: Number(match[2]) } : undefined;
}
