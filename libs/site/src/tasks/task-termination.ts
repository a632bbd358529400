import type { SiteTask } from './site-task';
import { addTaskMessage } from './task-result';
import { nextTaskStatus } from './task-status';

export interface TaskTermination {
  at: Date;
  /** Who asked (a user name); null when the orchestrator itself terminates. */
  by: string | null;
}

/**
 * Marks one task for termination: the flag, when and by whom (the first request's, when asked
 * again), and the status the life cycle gives (terminated before it started, terminating while
 * it runs). A final task (complete, terminated) is returned unchanged.
 */
export function terminateTask(task: SiteTask, termination: TaskTermination): SiteTask {
  const status = nextTaskStatus(task.status, 'terminate');
  if (status === undefined) return task;
  if (task.terminate) return { ...task, status };
  return { ...task, status, terminate: true, terminatedAt: termination.at, terminatedBy: termination.by };
}

/**
 * Terminates the task `rootId` and, recursively, every task below it in `tasks` (linked by
 * parentId), parent first as Drydock does, so that no new subtask can join a terminating parent.
 * Returns all of `tasks`, in their order, the others unchanged.
 */
export function terminateTree(tasks: readonly SiteTask[], rootId: string, termination: TaskTermination): SiteTask[] {
  const doomed = new Set([rootId]);
  // Parents may come after their children in `tasks`: grow the set until it stops changing.
  for (let grew = true; grew; ) {
    grew = false;
    for (const task of tasks) {
      if (task.parentId !== null && doomed.has(task.parentId) && !doomed.has(task.id)) {
        doomed.add(task.id);
        grew = true;
      }
    }
  }
  return tasks.map((task) => (doomed.has(task.id) ? terminateTask(task, termination) : task));
}

export type RegisterSubtaskOutcome = { ok: true; parent: SiteTask; subtask: SiteTask } | { ok: false; reason: 'parent_terminating'; parent: SiteTask };

/**
 * Registers `subtask` under `parent` (Drydock's register_subtask): the parent lists it and notes
 * it, the subtask points at the parent. A parent marked for termination (or terminating,
 * terminated) takes no new subtask: that is refused, as Drydock raises. Registering twice is a
 * no-op.
 */
export function registerSubtask(parent: SiteTask, subtask: SiteTask, at: Date): RegisterSubtaskOutcome {
  if (parent.terminate || parent.status === 'terminating' || parent.status === 'terminated') {
    return { ok: false, reason: 'parent_terminating', parent };
  }
  const child = { ...subtask, parentId: parent.id };
  if (parent.subtaskIds.includes(subtask.id)) return { ok: true, parent, subtask: child };
  const noted = addTaskMessage(parent, { message: `Started subtask ${subtask.id} for action ${subtask.action}`, error: false, contextType: 'task', context: parent.id }, at);
  return { ok: true, parent: { ...noted, subtaskIds: [...parent.subtaskIds, subtask.id] }, subtask: child };
}
