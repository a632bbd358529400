import { getDriverSteps, InterfaceType, runStep, StepInfo, StepKind, STEP_WAIT, validateStepArgs } from '@slipway/drivers-framework';
import { InvalidParameterValueError } from '@slipway/errors';
import { orderSteps } from '@slipway/provisioning';
import type { RequestedStep } from '@slipway/rpc';
import { NodeTaskContext } from '../tasks/node-task.runner';

/** A step to run: what the driver declares, with the arguments it gets. */
export interface PlannedStep {
  interface: string;
  step: string;
  priority: number;
  args: Record<string, unknown>;
  repeatable: boolean;
}

const CURRENT_STEP_FIELD: Record<StepKind, 'cleanStep' | 'deployStep' | 'serviceStep' | undefined> = {
  clean: 'cleanStep',
  deploy: 'deployStep',
  service: 'serviceStep',
  verify: undefined,
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

/**
 * Runs planned steps in order. The list and the index of the last completed step are kept in
 * `driver_internal_info` (`<kind>_steps`, `<kind>_step_index`) and saved after every step, so
 * the work can be followed, and resumed from there after a crash.
 */
export async function runSteps(context: NodeTaskContext, kind: StepKind, steps: PlannedStep[]): Promise<'done' | 'wait'> {
  const { task } = context;
  const currentField = CURRENT_STEP_FIELD[kind];
  task.node.driverInternalInfo = { ...task.node.driverInternalInfo, [`${kind}_steps`]: steps, [`${kind}_step_index`]: -1 };
  await context.save();
  try {
    for (const [index, step] of steps.entries()) {
      if (currentField) task.node[currentField] = { interface: step.interface, step: step.step, priority: step.priority, args: step.args };
      await context.save();
      const iface = task.driver[step.interface as InterfaceType];
      const outcome = await runStep(iface, kind, step.step, task, step.args);
      if (outcome === STEP_WAIT) return 'wait';
      task.node.driverInternalInfo = { ...task.node.driverInternalInfo, [`${kind}_step_index`]: index };
      await context.save();
    }
  } catch (error) {
    // A failed run leaves no step in progress, as Ironic's error handlers clear it.
    forgetSteps(context, kind);
    throw error;
  }
  forgetSteps(context, kind);
  return 'done';
}

function forgetSteps(context: NodeTaskContext, kind: StepKind): void {
  const { node } = context.task;
  const currentField = CURRENT_STEP_FIELD[kind];
  if (currentField) node[currentField] = {};
  const { [`${kind}_steps`]: _steps, [`${kind}_step_index`]: _index, ...rest } = node.driverInternalInfo;
  node.driverInternalInfo = rest;
}
