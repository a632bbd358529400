import type { BaremetalNode, SiteDesign } from '@slipway/site';

/** One design node of a site task, and the design it comes from. */
export interface NodeStepContext {
  node: BaremetalNode;
  design: SiteDesign;
  /** `design://<id>/<version>`. */
  designRef: string;
  /** The top-level site task, and the node's subtask in it. */
  taskId: string;
  subtaskId: string;
}

/**
 * How a step ended on a node. `failed` with `retryable` means a transient cause (a conductor
 * away, the node locked by other work): the node job goes again later, with back-off.
 */
export type StepOutcome = { kind: 'done'; messages: string[] } | { kind: 'failed'; reason: string; retryable: boolean };

export const stepDone = (...messages: string[]): StepOutcome => ({ kind: 'done', messages });
export const stepFailed = (reason: string, retryable = false): StepOutcome => ({ kind: 'failed', reason, retryable });
