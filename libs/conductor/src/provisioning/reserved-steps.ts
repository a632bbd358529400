import { setNodePower, type DriverTask } from '@slipway/drivers-framework';
import { InvalidParameterValueError } from '@slipway/errors';

/**
 * Ironic's reserved step names: a user step (or a deploy template step) of any interface with
 * one of these names is run by the conductor itself, not looked up on the driver.
 * - `hold` stops the work in the `… hold` state until `unhold` (or `abort`);
 * - `wait` stops it in the `… wait` state: for `args.seconds` (capped), or until a callback;
 * - `power_on`, `power_off` and `reboot` switch the node's power.
 */
export const RESERVED_STEPS = ['hold', 'wait', 'power_on', 'power_off', 'reboot'] as const;
export type ReservedStep = (typeof RESERVED_STEPS)[number];

export function isReservedStep(name: string): name is ReservedStep {
  return (RESERVED_STEPS as readonly string[]).includes(name);
}

/** Where the work stops for now: in the hold state, or in the wait state (for `seconds`, if given). */
export type StepPause = { pause: 'hold' } | { pause: 'wait'; seconds?: number };

/** Checks a reserved step's arguments when it is requested (400 before the node changes). */
export function validateReservedStep(step: ReservedStep, args: Readonly<Record<string, unknown>>): void {
  const allowed = step === 'wait' ? ['seconds'] : [];
  const unexpected = Object.keys(args).filter((name) => !allowed.includes(name));
  if (unexpected.length > 0) throw new InvalidParameterValueError(`Step ${step}: unexpected arguments ${unexpected.join(', ')}.`);
  const seconds = args['seconds'];
  if (seconds !== undefined && !(typeof seconds === 'number' && Number.isInteger(seconds) && seconds >= 0)) {
    throw new InvalidParameterValueError(`Step wait: seconds must be a non-negative integer, got ${JSON.stringify(seconds)}.`);
  }
}

/** Runs a reserved step: power steps act now; hold and wait pause the work. */
export async function runReservedStep(task: DriverTask, step: ReservedStep, args: Readonly<Record<string, unknown>>): Promise<StepPause | undefined> {
  switch (step) {
    case 'hold':
      return { pause: 'hold' };
    case 'wait':
      return typeof args['seconds'] === 'number' ? { pause: 'wait', seconds: args['seconds'] } : { pause: 'wait' };
    case 'power_on':
      await setNodePower(task, 'power on');
      return undefined;
    case 'power_off':
      await setNodePower(task, 'power off');
      return undefined;
    case 'reboot':
      await setNodePower(task, 'rebooting');
      return undefined;
  }
}
