import { InvalidParameterValueError } from '@slipway/errors';
import type { DriverInterface } from '../driver-interface';
import { INTERFACE_TYPES, type InterfaceType } from '../interface-type';
import type { Driver } from '../interface-map';
import type { DriverTask } from '../task';
import { findSteps } from './step-registry';
import type { StepArgs, StepInfo, StepKind, StepMethod, StepOutcome } from './step.types';

function interfaceTypeOf(iface: DriverInterface): InterfaceType {
  return (iface.constructor as unknown as { interfaceType: InterfaceType }).interfaceType;
}

/** The steps of one kind that an interface implementation offers. */
export function getSteps(iface: DriverInterface, kind: StepKind): StepInfo[] {
  const type = interfaceTypeOf(iface);
  return findSteps(iface, kind).map(({ declared }) => ({ ...declared, interface: type }));
}

/** The steps of one kind across all interfaces of a driver (unordered: ordering is the conductor's). */
export function getDriverSteps(driver: Driver, kind: StepKind): StepInfo[] {
  return INTERFACE_TYPES.flatMap((type) => getSteps(driver[type], kind));
}

/** Checks user-supplied step arguments against the step's argsinfo: nothing unknown, nothing required missing. */
export function validateStepArgs(step: StepInfo, args: StepArgs): void {
  const known = step.argsinfo ?? {};
  const unexpected = Object.keys(args).filter((name) => !(name in known));
  const missing = Object.entries(known)
    .filter(([name, info]) => info.required === true && !(name in args))
    .map(([name]) => name);
  const problems = [
    ...(unexpected.length > 0 ? [`unexpected arguments ${unexpected.join(', ')}`] : []),
    ...(missing.length > 0 ? [`missing required arguments ${missing.join(', ')}`] : []),
  ];
  if (problems.length > 0) {
    throw new InvalidParameterValueError(`Step ${step.interface}.${step.step}: ${problems.join('; ')}.`);
  }
}

/** Runs one step of an interface by its step name after checking its arguments. */
export async function runStep(iface: DriverInterface, kind: StepKind, stepName: string, task: DriverTask, args: StepArgs = {}): Promise<StepOutcome> {
  const type = interfaceTypeOf(iface);
  const found = findSteps(iface, kind).find(({ declared }) => declared.step === stepName);
  if (found === undefined) {
    throw new InvalidParameterValueError(`The ${type} interface of node ${task.node.uuid} has no ${kind} step ${stepName}.`);
  }
  validateStepArgs({ ...found.declared, interface: type }, args);
  const method = (iface as unknown as Record<string, StepMethod>)[found.methodName] as StepMethod;
  return method.call(iface, task, args);
}
