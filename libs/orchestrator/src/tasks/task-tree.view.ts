import { taskView, type SiteTask, type TaskMessageView, type TaskView } from '@slipway/site';

// Drydock's `GET /tasks/{id}?layers=N&subtaskerrors=true`. The task is layer 1, its subtasks
// layer 2, and so on: `layers=N` shows N layers, -1 all. Asking for subtask errors (with any
// layers) answers in the same dict shape, with `subtask_errors` for the subtasks, at every depth,
// that have error messages.

export interface SubtaskErrorsView {
  details: { errorCount: number; messageList: TaskMessageView[] };
}

/** `{init_task_id, <task id>: task, ..., subtask_errors?}`. */
export type TaskTreeView = Record<string, TaskView | string | Record<string, SubtaskErrorsView>>;

/** The error messages of one task, when it has any (Drydock's get_subtask_errors). */
function errorsOf(view: TaskView): SubtaskErrorsView | undefined {
  const messageList = view.result.details.messageList.filter((message) => message.error);
  return messageList.length > 0 ? { details: { errorCount: messageList.length, messageList } } : undefined;
}

/** `tasks` holds the root and (at least) every descendant down to the layers asked for. */
export function taskTreeView(root: SiteTask, tasks: ReadonlyMap<string, SiteTask>, options: { layers: number; subtaskErrors: boolean }): TaskTreeView {
  const tree: TaskTreeView = { init_task_id: root.id, [root.id]: taskView(root) };
  const errors: Record<string, SubtaskErrorsView> = {};
  let queued = root.subtaskIds;
  for (let layer = 2; queued.length > 0 && (layer <= options.layers || options.layers === -1 || options.subtaskErrors); layer++) {
    const next: string[] = [];
    for (const id of queued) {
      const task = tasks.get(id);
      if (task === undefined) continue;
      const view = taskView(task);
      if (layer <= options.layers || options.layers === -1) tree[id] = view;
      const taskErrors = options.subtaskErrors ? errorsOf(view) : undefined;
      if (taskErrors) errors[id] = taskErrors;
      next.push(...task.subtaskIds);
    }
    queued = next;
  }
  if (options.subtaskErrors) tree['subtask_errors'] = errors;
  return tree;
}
