import { InvalidParameterValueError } from '@slipway/errors';
import type { StepArgs } from './step.types';

/** A boolean step argument; `fallback` when absent. */
export function booleanArg(args: StepArgs, name: string, fallback: boolean): boolean {
  const value = args[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new InvalidParameterValueError(`Step argument ${name} must be a boolean, got ${JSON.stringify(value)}.`);
  return value;
}

/** A list-of-objects step argument (BIOS settings, firmware updates). */
export function objectListArg(args: StepArgs, name: string): Record<string, unknown>[] {
  const value = args[name];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) {
    throw new InvalidParameterValueError(`Step argument ${name} must be a list of objects.`);
  }
  return value as Record<string, unknown>[];
}
