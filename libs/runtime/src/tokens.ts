// Injection tokens for what the runtime opens once per process and hands to Nest modules.
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const RPC_TRANSPORT = Symbol('RPC_TRANSPORT');
export const TASK_QUEUE = Symbol('TASK_QUEUE');
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
export const APP_CONFIG = Symbol('APP_CONFIG');
export const CLOCK = Symbol('CLOCK');

/** Time source; injected so tests control it. Database-clock comparisons use SQL `now()` instead. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
