// Builders for the task specs: fixed times (UTC), frozen objects so that a function that mutates
// its input fails loudly.
import { createSiteTask, type SiteTask } from '../site-task';

export const T0 = new Date('2030-01-02T03:04:05.000Z');
export const T1 = new Date('2030-01-02T03:05:00.000Z');

/** A requested task with `changes` applied; `result` changes merge into the fresh result. */
export function aTask(changes: Partial<Omit<SiteTask, 'result'>> & { result?: Partial<SiteTask['result']> } = {}): SiteTask {
  const base = createSiteTask({ id: changes.id ?? 'task-1', action: changes.action ?? 'deploy_nodes', at: T0 });
  return deepFreeze({ ...base, ...changes, result: { ...base.result, ...changes.result } });
}

/** A completed child of `parent` with the given result. */
export function aSubtask(parent: SiteTask, id: string, result: Partial<SiteTask['result']>, changes: Partial<Omit<SiteTask, 'result'>> = {}): SiteTask {
  return aTask({ action: 'deploy_node', status: 'complete', ...changes, id, parentId: parent.id, result });
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Date)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
