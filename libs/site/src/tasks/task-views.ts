// The JSON shapes Drydock's API returns for a task and its result, with Drydock's field names.
// Times are ISO 8601 (UTC) where Drydock prints Python's str(datetime).

import type { NodeFilterSet } from '../model/site-design';
import type { SiteTask, SiteTaskMessage, SiteTaskResult, SiteTaskResultStatus, SiteTaskStatus } from './site-task';
import { formatTaskDesignRef } from './site-task';
import { taskErrorCount } from './task-result';

export interface TaskMessageView {
  message: string;
  error: boolean;
  context_type: string;
  context: string;
  ts: string;
  extra: Record<string, unknown>;
}

/** Drydock's result (`kind: Status`), also the body of its synchronous answers. */
export interface TaskResultView {
  kind: 'Status';
  apiVersion: 'v1.0';
  metadata: Record<string, never>;
  message: string | null;
  reason: string | null;
  status: SiteTaskResultStatus;
  successes: string[];
  failures: string[];
  links: Array<{ rel: string; href: string }>;
  details: { errorCount: number; messageList: TaskMessageView[] };
}

export interface TaskView {
  kind: 'Task';
  apiVersion: 'v1';
  task_id: string;
  action: string;
  parent_task_id: string | null;
  /** `design://<design id>/<version>` (formatTaskDesignRef). */
  design_ref: string | null;
  status: SiteTaskStatus;
  result: TaskResultView;
  node_filter: NodeFilterSet | null;
  subtask_id_list: string[];
  created: string;
  created_by: string | null;
  updated: string | null;
  terminated: string | null;
  terminated_by: string | null;
  terminate: boolean;
  retry: number;
}

export function taskView(task: SiteTask): TaskView {
  return {
    kind: 'Task',
    apiVersion: 'v1',
    task_id: task.id,
    action: task.action,
    parent_task_id: task.parentId,
    design_ref: task.designRef ? formatTaskDesignRef(task.designRef) : null,
    status: task.status,
    result: taskResultView(task.result),
    node_filter: task.nodeFilter,
    subtask_id_list: [...task.subtaskIds],
    created: task.createdAt.toISOString(),
    created_by: task.createdBy,
    updated: task.updatedAt?.toISOString() ?? null,
    terminated: task.terminatedAt?.toISOString() ?? null,
    terminated_by: task.terminatedBy,
    terminate: task.terminate,
    retry: task.retry,
  };
}

export function taskResultView(result: SiteTaskResult): TaskResultView {
  return {
    kind: 'Status',
    apiVersion: 'v1.0',
    metadata: {},
    message: result.message,
    reason: result.reason,
    status: result.status,
    successes: [...result.successes],
    failures: [...result.failures],
    links: Object.entries(result.links).flatMap(([rel, hrefs]) => hrefs.map((href) => ({ rel, href }))),
    details: { errorCount: taskErrorCount(result), messageList: result.messages.map(taskMessageView) },
  };
}

export function taskMessageView(message: SiteTaskMessage): TaskMessageView {
  return { message: message.message, error: message.error, context_type: message.contextType, context: message.context, ts: message.ts.toISOString(), extra: { ...message.extra } };
}
