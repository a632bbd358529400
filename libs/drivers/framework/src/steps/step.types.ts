import type { InterfaceType } from '../interface-type';
import type { DriverTask } from '../task';

/** Which workflow a step belongs to (Ironic has one decorator per kind). */
export const STEP_KINDS = ['clean', 'deploy', 'service', 'verify'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface StepArgInfo {
  description: string;
  required?: boolean;
}

/** Arguments a step accepts, by their wire name (snake_case, as clients send them). */
export type StepArgsInfo = Readonly<Record<string, StepArgInfo>>;

export interface StepOptions {
  /** Automated runs take steps with priority > 0, highest first; 0 means "only when asked for". */
  priority: number;
  argsinfo?: StepArgsInfo;
  /** Whether an abort may interrupt the step while it runs. */
  abortable?: boolean;
  /** Whether the step needs the deploy ramdisk booted (clean and service steps). */
  requiresRamdisk?: boolean;
  /**
   * Slipway's own flag: whether the step may run again after a conductor died during it. The new
   * owner resumes from the last completed step; a non-repeatable step in flight fails the node.
   */
  repeatable?: boolean;
  /** The step name; the method name in snake_case when omitted. */
  name?: string;
}

/** A step as the conductor and the API see it. */
export interface StepInfo {
  step: string;
  priority: number;
  interface: InterfaceType;
  abortable: boolean;
  argsinfo: StepArgsInfo | null;
  requiresRamdisk: boolean;
  repeatable: boolean;
}

export type StepArgs = Readonly<Record<string, unknown>>;

/** A step that started work it cannot finish now returns this; the conductor then waits for a callback. */
export const STEP_WAIT = 'wait';

/** Nothing (the step is done) or STEP_WAIT. */
export type StepOutcome = void | typeof STEP_WAIT;

/** The shape a decorated step method must have: step arguments arrive as sent, by wire name. */
export type StepMethod = (task: DriverTask, args: StepArgs) => Promise<StepOutcome>;
