import { getDriverSteps } from '@slipway/drivers-framework';
import { InvalidParameterValueError } from '@slipway/errors';
import { orderSteps } from '@slipway/provisioning';
import type { RequestedStep } from '@slipway/rpc';
import { NodeTaskContext } from '../tasks/node-task.runner';
import { isReservedStep } from './reserved-steps';
import { ChosenStep, listSteps, PlannedStep, resolveRequestedStep } from './step-runner';

/** The deploy templates a deploy applies: those named by the instance's traits, with their steps. */
export interface MatchedTemplate {
  name: string;
  steps: RequestedStep[];
}

/**
 * The instance traits (`instance_info.traits`) a deploy asks for. Each must also be a trait of
 * the node (Ironic checks the same), since a template may only shape hardware that has the trait.
 */
export function instanceTraits(context: NodeTaskContext, nodeTraits: readonly string[]): string[] {
  const traits = context.task.node.instanceInfo['traits'];
  if (traits === undefined || traits === null) return [];
  if (!Array.isArray(traits) || !traits.every((trait) => typeof trait === 'string')) {
    throw new InvalidParameterValueError(`instance_info.traits of node ${context.task.node.uuid} must be a list of trait names.`);
  }
  const foreign = traits.filter((trait) => !nodeTraits.includes(trait));
  if (foreign.length > 0) {
    throw new InvalidParameterValueError(`Instance traits must also be traits of node ${context.task.node.uuid}; it lacks ${foreign.join(', ')}.`);
  }
  return traits;
}

/**
 * Ironic's deploy plan: the driver's deploy steps, overridden by the steps of the matched deploy
 * templates, then by the steps of the request. An override of a driver step (same interface and
 * step) replaces its priority and arguments; priority 0 leaves it out. Reserved steps are added
 * as given. Ordered by priority, then interface, as Ironic orders them. A template step that the
 * driver lacks, or whose arguments do not fit, fails the deploy request (400) naming the template.
 */
export function planDeploySteps(context: NodeTaskContext, templates: readonly MatchedTemplate[], requested: readonly RequestedStep[]): PlannedStep[] {
  const available = getDriverSteps(context.task.driver, 'deploy');
  const chosen = new Map<string, ChosenStep>(available.map((info) => [`${info.interface}.${info.step}`, { info, args: {}, priority: info.priority }]));
  const reserved: ChosenStep[] = [];
  const seenInTemplates = new Map<string, string>();
  const override = (wanted: RequestedStep, template?: string) => {
    const key = `${wanted.interface}.${wanted.step}`;
    if (template !== undefined) {
      const other = seenInTemplates.get(key);
      if (other !== undefined) throw new InvalidParameterValueError(`Deploy templates ${other} and ${template} of node ${context.task.node.uuid} both have the step ${key}.`);
      seenInTemplates.set(key, template);
    }
    let step: ChosenStep;
    try {
      step = resolveRequestedStep(context, 'deploy', wanted, available);
    } catch (error) {
      if (template === undefined || !(error instanceof InvalidParameterValueError)) throw error;
      throw new InvalidParameterValueError(`Deploy template ${template} does not fit node ${context.task.node.uuid}: ${error.message}`);
    }
    if (isReservedStep(wanted.step)) reserved.push(step);
    else chosen.set(key, step);
  };
  for (const template of templates) for (const step of template.steps) override(step, template.name);
  for (const step of requested) override(step);
  const steps = [...chosen.values(), ...reserved].filter((step) => step.priority > 0);
  return listSteps(orderSteps(steps.map((step) => ({ ...step, interface: step.info.interface })), 'deploy'));
}
