import type { SiteTask, SiteTaskStatus } from './site-task';

/**
 * What happens to a task: the api queues it, the orchestrator starts it (a subtask may start
 * straight from requested), its work finishes, or someone asks to terminate it.
 */
export const SITE_TASK_EVENTS = ['queue', 'start', 'finish', 'terminate'] as const;
export type SiteTaskEvent = (typeof SITE_TASK_EVENTS)[number];

/**
 * The task life cycle as data: every allowed (status, event) pair and where it lands. A task that
 * has not started is terminated at once; a running one becomes `terminating` until its work
 * stops (`finish`). `terminated` and `complete` are final.
 */
export const SITE_TASK_TRANSITIONS: Readonly<Record<SiteTaskStatus, Readonly<Partial<Record<SiteTaskEvent, SiteTaskStatus>>>>> = Object.freeze({
  requested: { queue: 'queued', start: 'running', terminate: 'terminated' },
  queued: { start: 'running', terminate: 'terminated' },
  running: { finish: 'complete', terminate: 'terminating' },
  terminating: { finish: 'terminated', terminate: 'terminating' },
  terminated: {},
  complete: {},
});

/** Where `event` takes a task in `status`; undefined when the pair is not allowed. */
export function nextTaskStatus(status: SiteTaskStatus, event: SiteTaskEvent): SiteTaskStatus | undefined {
  return SITE_TASK_TRANSITIONS[status][event];
}

export type TaskEventOutcome = { ok: true; task: SiteTask } | { ok: false; reason: 'not_allowed'; status: SiteTaskStatus; event: SiteTaskEvent };

/** The task after `event`, or why it cannot take it. Termination also sets flags: use terminateTask. */
export function applyTaskEvent(task: SiteTask, event: Exclude<SiteTaskEvent, 'terminate'>): TaskEventOutcome {
  const to = nextTaskStatus(task.status, event);
  return to === undefined ? { ok: false, reason: 'not_allowed', status: task.status, event } : { ok: true, task: { ...task, status: to } };
}

/**
 * The status each status becomes on termination (absent: the task is final and stays as it is),
 * for a store that terminates a whole task tree in one statement.
 */
export const STATUS_AFTER_TERMINATE: Readonly<Partial<Record<SiteTaskStatus, SiteTaskStatus>>> = Object.freeze(
  Object.fromEntries(Object.entries(SITE_TASK_TRANSITIONS).flatMap(([from, events]) => (events.terminate ? [[from, events.terminate]] : []))),
);
