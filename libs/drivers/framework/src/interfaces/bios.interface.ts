import { InvalidParameterValueError } from '@slipway/errors';
import { DriverInterface } from '../driver-interface';
import { objectListArg } from '../steps/step-args';
import type { StepArgs, StepArgsInfo, StepOutcome } from '../steps/step.types';
import type { DriverTask } from '../task';

export interface BiosSetting {
  name: string;
  value: string | null;
}

/** The argsinfo of an apply_configuration step. */
export const BIOS_SETTINGS_ARGSINFO: StepArgsInfo = {
  settings: { description: 'BIOS settings to apply: a list of {"name": ..., "value": ...} objects.', required: true },
};

/**
 * The settings of an apply_configuration step's `settings` argument, unchecked; `value` adapts a
 * value as sent (a missing one is null).
 */
export function biosSettingsArg(args: StepArgs, value: (sent: unknown) => unknown = (sent) => sent): BiosSetting[] {
  return objectListArg(args, 'settings').map((item) => ({ name: item['name'], value: value(item['value']) ?? null }) as BiosSetting);
}

/** Refuses a setting without a name or with a value that is neither a string nor null. */
export function checkBiosSettings(settings: readonly BiosSetting[]): void {
  for (const setting of settings) {
    if (typeof setting.name !== 'string' || setting.name === '' || !(typeof setting.value === 'string' || setting.value === null)) {
      throw new InvalidParameterValueError(`A BIOS setting needs a name and a string (or null) value, got ${JSON.stringify(setting)}.`);
    }
  }
}

/** Reads and changes BIOS settings. */
export abstract class BiosInterface extends DriverInterface {
  static readonly interfaceType = 'bios';

  abstract applyConfiguration(task: DriverTask, settings: readonly BiosSetting[]): Promise<StepOutcome>;

  abstract factoryReset(task: DriverTask): Promise<StepOutcome>;

  /**
   * Reads the current settings. Drivers do not touch the database: the conductor stores what this
   * returns in the node's bios_settings.
   */
  abstract cacheBiosSettings(task: DriverTask): Promise<BiosSetting[]>;
}
