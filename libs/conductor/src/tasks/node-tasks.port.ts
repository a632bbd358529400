import type { NodeTaskRunner } from './node-task.runner';

/**
 * What handlers need of the task runner. Handlers inject NodeTaskRunner through this type so
 * small tests can hand them a strict fake that runs the work on a driver of fakes.
 */
export type NodeTasks = Pick<NodeTaskRunner, 'exclusive' | 'shared' | 'exclusiveThenBackground'>;
