import { ProvisionEvent, ProvisionState } from '@slipway/provisioning';
import type { nodeProvision, RpcRequestOf } from '@slipway/rpc';
import { setNodePower } from '@slipway/drivers-framework';
import { NodeTaskContext } from '../tasks/node-task.runner';
import { planSteps, runSteps } from './step-runner';

type Work = (context: NodeTaskContext, request: RpcRequestOf<typeof nodeProvision>) => Promise<ProvisionEvent | 'wait'>;

/** After a successful step run: `done`, or `wait` when an asynchronous step will call back. */
const doneOr = (outcome: 'done' | 'wait'): ProvisionEvent | 'wait' => (outcome === 'wait' ? 'wait' : 'done');

/**
 * What the conductor does in each busy state, and the event that ends it. A state not listed is
 * one the node rests in (stable, wait, hold or failed).
 */
export const PROVISION_WORK: Partial<Record<ProvisionState, Work>> = {
  // enroll → manageable: the power credentials must work (Ironic's verify).
  verifying: async ({ task }) => {
    await task.driver.power.validate(task);
    await task.driver.management.validate(task);
    task.node.powerState = await task.driver.power.getPowerState(task);
    return 'done';
  },
  // Automated cleaning (provide, undeploy) or the requested steps of a manual clean.
  // A manual clean ends with `manage` (back to manageable), an automated one with `done`.
  cleaning: async (context, request) => {
    const manual = context.task.node.targetProvisionState === 'manageable';
    if (!manual && context.row.automatedClean === false) return 'done';
    const outcome = await runSteps(context, 'clean', planSteps(context, 'clean', manual ? request.cleanSteps ?? [] : undefined));
    return outcome === 'wait' ? 'wait' : manual ? 'manage' : 'done';
  },
  inspecting: async ({ task }) => {
    await task.driver.inspect.inspectHardware(task);
    return 'done';
  },
  deploying: async (context, request) => {
    await context.task.driver.deploy.validate(context.task);
    const planned = planSteps(context, 'deploy');
    const extra = request.deploySteps ? planSteps(context, 'deploy', request.deploySteps) : [];
    return doneOr(await runSteps(context, 'deploy', [...planned, ...extra].sort((a, b) => b.priority - a.priority)));
  },
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
  servicing: async (context, request) => doneOr(await runSteps(context, 'service', planSteps(context, 'service', request.serviceSteps ?? []))),
};
