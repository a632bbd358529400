/**
 * At most SLIPWAY_ORCHESTRATOR_RACK_CONCURRENCY node jobs of one rack at once: a node job holds a
 * slot of its node's rack (`metadata.rack`; nodes without one share the slots of `''`) around its
 * steps. In a cluster the slots are shared by every orchestrator process (RedisSlots, in the task
 * queue's Redis); standalone there is one process (RackLimiter).
 */
export interface RackSlots {
  /** Runs `work` holding a slot of `rack`, once one is free. */
  run<T>(rack: string, work: () => Promise<T>): Promise<T>;
}

export const RACK_SLOTS = Symbol('RACK_SLOTS');
