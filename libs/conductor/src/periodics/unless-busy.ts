import { NodeLockedError, NodeNotFoundError } from '@slipway/errors';

/**
 * Runs periodic work on one node; a node someone else holds (NodeLocked) or that was deleted
 * meanwhile (NodeNotFound) is skipped, as Ironic's periodics do: the next run looks again.
 * Resolves to whether the work ran to its end; other errors pass on.
 */
export async function unlessBusy(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (error instanceof NodeLockedError || error instanceof NodeNotFoundError) return false;
    throw error;
  }
}
