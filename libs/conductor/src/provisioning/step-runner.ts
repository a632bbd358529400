import { getDriverSteps, InterfaceType, runStep, StepInfo, StepKind, STEP_WAIT, validateStepArgs, type DriverNode } from '@slipway/drivers-framework';
import { InvalidParameterValueError } from '@slipway/errors';
import { orderSteps } from '@slipway/provisioning';
import type { RequestedStep } from '@slipway/rpc';
import { NodeTaskContext } from '../tasks/node-task.runner';
import { StepInterruptedError } from './step-interrupted.error';

/** A step to run: what the driver declares, with the arguments it gets. */
export interface PlannedStep {
  interface: string;
  step: string;
  priority: number;
  args: Record<string, unknown>;
  repeatable: boolean;
}

/** Called as each step starts, with its place in the plan (the node history records it). */
export type StepStartListener = (step: PlannedStep, index: number, total: number) => Promise<void>;

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

/**
 * The steps to run: with `requested`, those (each must exist on the node's driver, arguments
 * checked); otherwise the driver's steps with priority above zero. In execution order.
 */
export function planSteps(context: NodeTaskContext, kind: StepKind, requested?: RequestedStep[]): PlannedStep[] {
  const available = getDriverSteps(context.task.driver, kind);
  const chosen: Array<{ info: StepInfo; args: Record<string, unknown>; priority: number }> = requested
    ? requested.map((wanted) => {
        const info = available.find((s) => s.interface === wanted.interface && s.step === wanted.step);
        if (!info) throw new InvalidParameterValueError(`The ${wanted.interface} interface of node ${context.task.node.uuid} has no ${kind} step ${wanted.step}.`);
        validateStepArgs(info, wanted.args ?? {});
        return { info, args: wanted.args ?? {}, priority: wanted.priority ?? info.priority };
      })
    : available.filter((s) => s.priority > 0).map((info) => ({ info, args: {}, priority: info.priority }));
  const ordered = requested ? chosen : orderSteps(chosen.map((c) => ({ ...c, interface: c.info.interface })), kind);
  return ordered.map(({ info, args, priority }) => ({ interface: info.interface, step: info.step, priority, args, repeatable: info.repeatable }));
}

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
 * Runs the stored plan from the step after the last completed one, so the same call starts a
 * plan and resumes one whose conductor died. A step that was in flight then runs again if it
 * is repeatable; if it is not, StepInterruptedError fails the work. The progress is saved
 * before and after every step. The plan is dropped when the run ends, done or failed; `wait`
 * keeps it for the callback that continues it.
 */
export async function runPlan(context: NodeTaskContext, kind: StepKind, onStart: StepStartListener): Promise<'done' | 'wait'> {
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
      await context.save();
      await onStart(step, index, steps.length);
      const outcome = await runStep(task.driver[step.interface as InterfaceType], kind, step.step, task, step.args);
      if (outcome === STEP_WAIT) return 'wait';
      task.node.driverInternalInfo = { ...task.node.driverInternalInfo, [key.index(kind)]: index };
      await context.save();
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
