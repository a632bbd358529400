import type { JsonObject, StepKind } from '@slipway/drivers-framework';
import { isInspectionReport, setNodePower, STEP_WAIT } from '@slipway/drivers-framework';
import { ProvisionEvent, ProvisionState } from '@slipway/provisioning';
import { NodeTaskContext } from '../tasks/node-task.runner';
import type { StepPause } from './reserved-steps';
import { planSteps, runPlan, storedPlan, storePlan, type PlanOutcome, type StepListener } from './step-runner';

/** A busy state's work: the event that ends it, or the pause a step asked for. */
export type WorkOutcome = ProvisionEvent | StepPause;
/** What the work of a state may call on besides its node: the step listener, the BIOS cache. */
export interface WorkHooks {
  steps: StepListener;
  /** Whether nodes that do not say clean automatically (SLIPWAY_AUTOMATED_CLEAN). */
  automatedCleanByDefault: boolean;
  cacheBiosSettings(context: NodeTaskContext): Promise<void>;
  /** Stores what an out-of-band inspection found and creates its ports. */
  recordInspection(context: NodeTaskContext, inventory: JsonObject, pluginData?: JsonObject): Promise<void>;
}
type Work = (context: NodeTaskContext, hooks: WorkHooks) => Promise<WorkOutcome>;

/** After a step run: `done`, or the pause that stopped it. */
const doneOr = (outcome: PlanOutcome): WorkOutcome => (outcome === 'done' ? 'done' : outcome);

/** The states of work that is a plan of steps (running, waiting or held), and the kind of those steps. */
export const STEP_KIND_OF_STATE: Partial<Record<ProvisionState, StepKind>> = {
  cleaning: 'clean',
  'clean wait': 'clean',
  'clean hold': 'clean',
  deploying: 'deploy',
  'wait call-back': 'deploy',
  'deploy hold': 'deploy',
  servicing: 'service',
  'service wait': 'service',
  'service hold': 'service',
};

/** What `last_error` calls the work of each kind when it is aborted. */
export const OPERATION_OF_KIND: Record<StepKind, string> = { clean: 'cleaning', deploy: 'deployment', service: 'servicing', verify: 'verification' };

/** A manual clean ends `manageable`, where it started; an automated one `available`. */
export const isManualClean = (context: NodeTaskContext): boolean => context.task.node.targetProvisionState === 'manageable';

/**
 * What the conductor does in each busy state, and the event that ends it. A state not listed is
 * one the node rests in (stable, wait, hold or failed). Every entry can run again from the start
 * of its state, or, for step plans, from the last completed step: that is how a conductor
 * resumes the work of one that died.
 */
export const PROVISION_WORK: Partial<Record<ProvisionState, Work>> = {
  // enroll → manageable: the power credentials must work (Ironic's verify).
  verifying: async (context, hooks) => {
    const { task } = context;
    await task.driver.power.validate(task);
    await task.driver.management.validate(task);
    task.node.powerState = await task.driver.power.getPowerState(task);
    await hooks.cacheBiosSettings(context);
    return 'done';
  },
  // Automated cleaning (provide, undeploy) or the steps of a manual clean, planned on request;
  // cleaning after an undeploy plans its automated steps here.
  cleaning: async (context, hooks) => {
    if (!storedPlan(context.task.node, 'clean')) storePlan(context.task.node, 'clean', automatedCleanSteps(context, hooks.automatedCleanByDefault));
    const outcome = await runPlan(context, 'clean', hooks.steps);
    return outcome !== 'done' ? outcome : isManualClean(context) ? 'manage' : 'done';
  },
  // Out-of-band inspection ends here; in-band inspection waits for the ramdisk's data.
  inspecting: async (context, hooks) => {
    const outcome = await context.task.driver.inspect.inspectHardware(context.task);
    if (outcome === STEP_WAIT) return 'wait';
    if (isInspectionReport(outcome)) await hooks.recordInspection(context, outcome.inventory, outcome.pluginData);
    return 'done';
  },
  deploying: async (context, hooks) => doneOr(await runPlan(context, 'deploy', hooks.steps)),
  // Undeploy: power off and tear down, then clean.
  deleting: async ({ task }) => {
    await task.driver.deploy.tearDown(task);
    if (task.node.powerState !== 'power off') await setNodePower(task, 'power off');
    task.node.instanceInfo = {};
    task.node.instanceUuid = null;
    return 'clean';
  },
  adopting: async ({ task }) => {
    await task.driver.boot.validate(task);
    await task.driver.deploy.takeOver(task);
    return 'done';
  },
  rescuing: async ({ task }) => {
    await task.driver.rescue.rescue(task);
    return 'done';
  },
  unrescuing: async ({ task }) => {
    await task.driver.rescue.unrescue(task);
    return 'done';
  },
  servicing: async (context, hooks) => doneOr(await runPlan(context, 'service', hooks.steps)),
};

/** The driver's automated clean steps, or none when automated cleaning is off for the node. */
export function automatedCleanSteps(context: NodeTaskContext, conductorDefault: boolean): ReturnType<typeof planSteps> {
  // The node's own automated_clean wins; unset, the conductor's SLIPWAY_AUTOMATED_CLEAN (Ironic).
  return (context.row.automatedClean ?? conductorDefault) ? planSteps(context, 'clean') : [];
}
