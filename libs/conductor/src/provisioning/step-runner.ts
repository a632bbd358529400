import { getDriverSteps, InterfaceType, runStep, StepInfo, StepKind, STEP_WAIT, validateStepArgs, type DriverNode } from '@slipway/drivers-framework';
import { InvalidParameterValueError } from '@slipway/errors';
import { orderSteps } from '@slipway/provisioning';
import type { RequestedStep } from '@slipway/rpc';
import { NodeTaskContext } from '../tasks/node-task.runner';
import { isReservedStep, runReservedStep, validateReservedStep, type StepPause } from './reserved-steps';
import { StepInterruptedError } from './step-interrupted.error';

/** A step to run: what the driver declares, with the arguments it gets. */
export interface PlannedStep {
  interface: string;
  step: string;
  priority: number;
  args: Record<string, unknown>;
  repeatable: boolean;
  /** Whether an abort may stop the work while this step is waiting (else it ends first). */
  abortable: boolean;
}

/** Told of each step: as it starts, with its place in the plan (the node history records it), and once it is done. */
export interface StepListener {
  started(step: PlannedStep, index: number, total: number): Promise<void>;
  finished(step: PlannedStep): Promise<void>;
}

const STEP_KINDS: readonly StepKind[] = ['clean', 'deploy', 'service', 'verify'];

const CURRENT_STEP_FIELD: Record<StepKind, 'cleanStep' | 'deployStep' | 'serviceStep' | undefined> = {
  clean: 'cleanStep',
  deploy: 'deployStep',
  service: 'serviceStep',
  verify: undefined,
};

// The plan lives in driver_internal_info, saved with the node: `<kind>_steps` (the list),
// `<kind>_step_index` (the last completed step, -1 before the first) and `<kind>_step_started`
// (the last step begun). Started past completed means a step was in flight when the work stopped.
const key = {
  steps: (kind: StepKind) => `${kind}_steps`,
  index: (kind: StepKind) => `${kind}_step_index`,
  started: (kind: StepKind) => `${kind}_step_started`,
};

/** A step chosen for a plan, before it is listed: what the driver declares, with its priority and arguments. */
export interface ChosenStep {
  info: StepInfo;
  args: Record<string, unknown>;
  priority: number;
}

/**
 * A requested step (API request or deploy template) checked against the node's driver: it must
 * exist (or be reserved) and its arguments must fit its argsinfo; 400 otherwise.
 */
export function resolveRequestedStep(context: NodeTaskContext, kind: StepKind, wanted: RequestedStep, available = getDriverSteps(context.task.driver, kind)): ChosenStep {
  const args = wanted.args ?? {};
  if (isReservedStep(wanted.step)) {
    validateReservedStep(wanted.step, args);
    return { info: reservedStepInfo(wanted.interface, wanted.step), args, priority: wanted.priority ?? 0 };
  }
  const info = available.find((s) => s.interface === wanted.interface && s.step === wanted.step);
  if (!info) throw new InvalidParameterValueError(`The ${wanted.interface} interface of node ${context.task.node.uuid} has no ${kind} step ${wanted.step}.`);
  validateStepArgs(info, args);
  return { info, args, priority: wanted.priority ?? info.priority };
}

/** The chosen steps as the plan lists them. */
export function listSteps(chosen: readonly ChosenStep[]): PlannedStep[] {
  return chosen.map(({ info, args, priority }) => ({ interface: info.interface, step: info.step, priority, args, repeatable: info.repeatable, abortable: info.abortable }));
}

/**
 * The steps to run: with `requested`, those, in the order given (each must exist on the node's
 * driver, arguments checked); otherwise the driver's steps with priority above zero, ordered.
 */
export function planSteps(context: NodeTaskContext, kind: StepKind, requested?: RequestedStep[]): PlannedStep[] {
  const available = getDriverSteps(context.task.driver, kind);
  if (requested) return listSteps(requested.map((wanted) => resolveRequestedStep(context, kind, wanted, available)));
  const automatic = available.filter((s) => s.priority > 0).map((info) => ({ info, args: {}, priority: info.priority }));
  return listSteps(orderSteps(automatic.map((c) => ({ ...c, interface: c.info.interface })), kind));
}

/** A reserved step as the plan lists it: run by the conductor, safe to run again. */
function reservedStepInfo(iface: string, step: string): StepInfo {
  return { interface: iface as InterfaceType, step, priority: 0, abortable: true, argsinfo: null, requiresRamdisk: false, repeatable: true };
}

/** How a run of the plan ended: all done, or paused by a step (hold, wait, or an async driver step). */
export type PlanOutcome = 'done' | StepPause;

/** Makes `steps` the node's plan of this kind, none of them run yet (saved with the node). */
export function storePlan(node: DriverNode, kind: StepKind, steps: PlannedStep[]): void {
  node.driverInternalInfo = { ...node.driverInternalInfo, [key.steps(kind)]: steps, [key.index(kind)]: -1, [key.started(kind)]: -1 };
}

/** The node's stored plan of this kind, if work of that kind is under way. */
export function storedPlan(node: DriverNode, kind: StepKind): PlannedStep[] | undefined {
  const steps = node.driverInternalInfo[key.steps(kind)];
  return Array.isArray(steps) ? (steps as PlannedStep[]) : undefined;
}

/** Drops every stored plan: a new request starts from nothing left by an earlier one. */
export function forgetAllPlans(node: DriverNode): void {
  for (const kind of STEP_KINDS) forgetPlan(node, kind);
}

/**
 * Marks the step that paused the plan (hold, wait, or an async driver step whose callback came)
 * as completed, so the next run goes on after it.
 */
export function completePausedStep(node: DriverNode, kind: StepKind): void {
  const started = numberAt(node.driverInternalInfo, key.started(kind), -1);
  node.driverInternalInfo = { ...node.driverInternalInfo, [key.index(kind)]: started };
}

/** The step in progress or paused, as the plan lists it. */
export function currentPlannedStep(node: DriverNode, kind: StepKind): PlannedStep | undefined {
  return storedPlan(node, kind)?.[numberAt(node.driverInternalInfo, key.started(kind), -1)];
}

/**
 * Runs the stored plan from the step after the last completed one, so the same call starts a
 * plan and resumes one whose conductor died. A step that was in flight then runs again if it
 * is repeatable; if it is not, StepInterruptedError fails the work. The progress is saved
 * as each step starts (with the completion of the one before) and by the caller's final save.
 * The plan is dropped when the run ends, done or failed; a pause
 * keeps it for whatever continues it (unhold, the end of a wait, a callback).
 */
export async function runPlan(context: NodeTaskContext, kind: StepKind, listener: StepListener): Promise<PlanOutcome> {
  const { task } = context;
  const steps = storedPlan(task.node, kind) ?? [];
  const currentField = CURRENT_STEP_FIELD[kind];
  try {
    const completed = numberAt(task.node.driverInternalInfo, key.index(kind), -1);
    const started = numberAt(task.node.driverInternalInfo, key.started(kind), -1);
    const interrupted = started > completed ? steps[started] : undefined;
    if (interrupted && !interrupted.repeatable) throw new StepInterruptedError({ kind, step: `${interrupted.interface}.${interrupted.step}`, node: task.node.uuid });
    for (let index = completed + 1; index < steps.length; index++) {
      const step = steps[index] as PlannedStep;
      if (currentField) task.node[currentField] = { interface: step.interface, step: step.step, priority: step.priority, args: step.args };
      task.node.driverInternalInfo = { ...task.node.driverInternalInfo, [key.started(kind)]: index };
      // One statement per step, before it runs: this save carries the step's start, the previous
      // step's completion (the index set below) and the journal entry the listener queues.
      await listener.started(step, index, steps.length);
      await context.save();
      if (isReservedStep(step.step)) {
        const pause = await runReservedStep(task, step.step, step.args);
        if (pause) return pause;
      } else if ((await runStep(task.driver[step.interface as InterfaceType], kind, step.step, task, step.args)) === STEP_WAIT) {
        return { pause: 'wait' };
      }
      task.node.driverInternalInfo = { ...task.node.driverInternalInfo, [key.index(kind)]: index };
      await listener.finished(step);
    }
  } catch (error) {
    // A failed run leaves no step in progress, as Ironic's error handlers clear it.
    forgetPlan(task.node, kind);
    throw error;
  }
  forgetPlan(task.node, kind);
  return 'done';
}

function forgetPlan(node: DriverNode, kind: StepKind): void {
  const currentField = CURRENT_STEP_FIELD[kind];
  if (currentField) node[currentField] = {};
  const { [key.steps(kind)]: _steps, [key.index(kind)]: _index, [key.started(kind)]: _started, ...rest } = node.driverInternalInfo;
  node.driverInternalInfo = rest;
}

function numberAt(values: Record<string, unknown>, name: string, fallback: number): number {
  const value = values[name];
  return typeof value === 'number' && Number.isInteger(value) ? value : fallback;
}
