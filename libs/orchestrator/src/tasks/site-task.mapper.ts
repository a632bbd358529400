import type { SiteTaskEntity, SiteTaskInsert, SiteTaskMessageEntity } from '@slipway/db';
import type { NodeFilterSet, SiteTask, SiteTaskResultStatus, SiteTaskStatus } from '@slipway/site';

// Between the site_tasks rows (@slipway/db) and the task model (@slipway/site).

/** A stored task as the model has it: its messages, and the ids of its direct subtasks in creation order. */
export function siteTaskOf(entity: SiteTaskEntity, messages: readonly SiteTaskMessageEntity[], subtaskIds: readonly string[]): SiteTask {
  const { result } = entity;
  return {
    id: entity.id,
    parentId: entity.parentId,
    action: entity.action,
    designRef: entity.designId !== null && entity.designVersion !== null ? { designId: entity.designId, version: entity.designVersion } : null,
    nodeFilter: entity.nodeFilter as NodeFilterSet | null,
    status: entity.status as SiteTaskStatus,
    result: {
      status: result.status as SiteTaskResultStatus,
      message: result.message,
      reason: result.reason,
      successes: [...result.successes],
      failures: [...result.failures],
      links: { ...result.links },
      messages: messages.map((message) => ({ message: message.message, error: message.error, contextType: message.contextType, context: message.context, ts: message.ts, extra: { ...message.extra } })),
    },
    retry: entity.retry,
    subtaskIds: [...subtaskIds],
    createdAt: entity.createdAt,
    createdBy: entity.createdBy,
    updatedAt: entity.updatedAt,
    terminate: entity.terminate,
    terminatedAt: entity.terminatedAt,
    terminatedBy: entity.terminatedBy,
  };
}

/** The row of a new task (its messages, none yet, are rows of their own). */
export function siteTaskInsert(task: SiteTask): SiteTaskInsert {
  const { messages: _messages, ...result } = task.result;
  return {
    id: task.id,
    parentId: task.parentId,
    action: task.action,
    designId: task.designRef?.designId ?? null,
    designVersion: task.designRef?.version ?? null,
    nodeFilter: task.nodeFilter as unknown as SiteTaskInsert['nodeFilter'],
    status: task.status,
    result,
    retry: task.retry,
    createdAt: task.createdAt,
    createdBy: task.createdBy,
  };
}
