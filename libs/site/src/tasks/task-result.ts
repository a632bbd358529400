import type { SiteTask, SiteTaskMessage, SiteTaskResult, SiteTaskResultStatus } from './site-task';

/**
 * The result status after one more success or failure, by current status (Drydock's
 * Task.success / Task.failure): a success after a failure, or the reverse, is a partial success.
 */
export const TASK_RESULT_AFTER: Readonly<Record<'success' | 'failure', Readonly<Record<SiteTaskResultStatus, SiteTaskResultStatus>>>> = Object.freeze({
  success: { incomplete: 'success', success: 'success', partial_success: 'partial_success', failure: 'partial_success', unreported: 'success' },
  failure: { incomplete: 'failure', success: 'partial_success', partial_success: 'partial_success', failure: 'failure', unreported: 'failure' },
});

/** Records a success, on `focus` (a node name) when given: it joins the successes once. */
export function recordSuccess(task: SiteTask, focus?: string): SiteTask {
  const result = task.result;
  return withResult(task, { status: TASK_RESULT_AFTER.success[result.status], successes: focus ? addOnce(result.successes, focus) : result.successes });
}

/** Records a failure, on `focus` when given: it joins the failures once. */
export function recordFailure(task: SiteTask, focus?: string): SiteTask {
  const result = task.result;
  return withResult(task, { status: TASK_RESULT_AFTER.failure[result.status], failures: focus ? addOnce(result.failures, focus) : result.failures });
}

export interface TaskMessageInput {
  message: string;
  error: boolean;
  contextType: string;
  context: string;
  extra?: Record<string, unknown>;
}

/** Appends a message stamped `at`. */
export function addTaskMessage(task: SiteTask, input: TaskMessageInput, at: Date): SiteTask {
  const message: SiteTaskMessage = { message: input.message, error: input.error, contextType: input.contextType, context: input.context, ts: at, extra: input.extra ?? {} };
  return withResult(task, { messages: [...task.result.messages, message] });
}

/** How many of the task's messages are errors (Drydock's `error_count`). */
export function taskErrorCount(result: SiteTaskResult): number {
  return result.messages.filter((message) => message.error).length;
}

/**
 * Replaces the task's successes and failures with those of its completed subtasks: successes only
 * of subtasks running `actionFilter` (all when absent), failures of every subtask, but on a retry
 * (retry > 0) only of subtasks of the same retry sequence, so that entities fixed by the retry
 * stop counting as failed. `subtasks` may hold other tasks; only the task's own children count.
 */
export function bubbleResults(task: SiteTask, subtasks: readonly SiteTask[], actionFilter?: string): SiteTask {
  let successes: string[] = [];
  let failures: string[] = [];
  for (const subtask of completedChildren(task, subtasks)) {
    if (actionFilter === undefined || subtask.action === actionFilter) {
      for (const entity of subtask.result.successes) successes = addOnce(successes, entity);
    }
    if (sameRetrySequence(task, subtask)) {
      for (const entity of subtask.result.failures) failures = addOnce(failures, entity);
    }
  }
  return withResult(task, { successes, failures });
}

/**
 * Folds the result statuses of the completed subtasks (of `actionFilter`, when given) into the
 * task's status, starting from success when the task has no subtask at all and from incomplete
 * otherwise. A failed or partial subtask counts as a failure only in the task's retry sequence.
 */
export function alignResult(task: SiteTask, subtasks: readonly SiteTask[], actionFilter?: string): SiteTask {
  const hasChildren = subtasks.some((subtask) => subtask.parentId === task.id);
  let aligned = withResult(task, { status: hasChildren ? 'incomplete' : 'success' });
  for (const subtask of completedChildren(task, subtasks)) {
    if (actionFilter !== undefined && subtask.action !== actionFilter) continue;
    const status = subtask.result.status;
    if (status === 'success' || status === 'partial_success') aligned = recordSuccess(aligned);
    if ((status === 'failure' || status === 'partial_success') && sameRetrySequence(task, subtask)) aligned = recordFailure(aligned);
  }
  return aligned;
}

export type TaskRetryOutcome =
  /** Retry the failed entities: the retry sequence went up and the result is reopened. */
  | { outcome: 'retry'; task: SiteTask }
  /** Nothing failed (or the task succeeded): nothing to retry. */
  | { outcome: 'not_needed'; task: SiteTask }
  /** Drydock's MaxRetriesReached: entities failed and no attempt is left. */
  | { outcome: 'max_retries_reached'; task: SiteTask };

/**
 * Drydock's retry_task. When the task did not succeed and some entity failed: with an attempt
 * left, `retry` goes up and the result status becomes success (some entities succeeded) or
 * incomplete, and the caller runs the same subtask again on the failures; otherwise the outcome is
 * max_retries_reached. `maxAttempts` undefined means no limit. (Drydock also treats 0 as no
 * limit, through Python truthiness; here 0 means no retry.)
 */
export function retryTask(task: SiteTask, at: Date, maxAttempts?: number): TaskRetryOutcome {
  if (task.result.status === 'success' || task.result.failures.length === 0) return { outcome: 'not_needed', task };
  if (maxAttempts !== undefined && task.retry >= maxAttempts) {
    return { outcome: 'max_retries_reached', task: addTaskMessage(task, notice('Retry requested, out of attempts.'), at) };
  }
  const noted = addTaskMessage(task, notice('Retrying task for failed entities.'), at);
  const retried = withResult(noted, { status: task.result.successes.length > 0 ? 'success' : 'incomplete' });
  return { outcome: 'retry', task: { ...retried, retry: task.retry + 1 } };
}

/** A message about the task as a whole, not an entity (Drydock's context `NA`). */
function notice(message: string): TaskMessageInput {
  return { message, error: false, contextType: 'NA', context: 'NA' };
}

function completedChildren(task: SiteTask, subtasks: readonly SiteTask[]): SiteTask[] {
  return subtasks.filter((subtask) => subtask.parentId === task.id && subtask.status === 'complete');
}

function sameRetrySequence(task: SiteTask, subtask: SiteTask): boolean {
  return task.retry === 0 || task.retry === subtask.retry;
}

function withResult(task: SiteTask, changes: Partial<SiteTaskResult>): SiteTask {
  return { ...task, result: { ...task.result, ...changes } };
}

function addOnce(list: readonly string[], entity: string): string[] {
  return list.includes(entity) ? [...list] : [...list, entity];
}
