import { DriverOperationError, InvalidParameterValueError, type BiosSetting } from '@slipway/drivers-framework';
import type { BiosAttributes } from '@slipway/redfish-client';

/** A requested value as Ironic stores it: a string, or null. */
export type SettingValue = string | null;

/**
 * A Redfish attribute value in Ironic's terms (bios_settings values are strings): numbers and
 * Booleans in their JSON spelling, null as null.
 */
export function settingValue(value: unknown): SettingValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The current attributes as the conductor caches them: sorted by name, values as strings. */
export function biosSettingsOf(attributes: BiosAttributes): BiosSetting[] {
  return Object.keys(attributes)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ name, value: settingValue(attributes[name]) }));
}

/** What applying some settings takes. */
export interface BiosChange {
  /** The attributes to PATCH to the settings object, typed as the BMC wants them. */
  patch: BiosAttributes;
  /** Every requested value that is not current yet (pending already or patched now): what the wait looks for. */
  awaited: Record<string, SettingValue>;
}

/**
 * Works out which of `settings` need applying: values already current are skipped, values already
 * pending are not sent again, and a different value already pending (staged by someone else, not
 * applied yet) is refused rather than overwritten. A BMC whose settings object copies every
 * attribute (iLO) shows unchanged ones there with their current value: those are not pending.
 * Unknown attribute names and values of the wrong type are refused before anything is sent.
 */
export function planBiosChange(node: string, settings: readonly BiosSetting[], current: BiosAttributes, pending: BiosAttributes): BiosChange {
  const requested = new Map(settings.map(({ name, value }) => [name, value] as const));
  const unknown = [...requested.keys()].filter((name) => !(name in current));
  if (unknown.length > 0) {
    throw new InvalidParameterValueError(`The BIOS of node ${node} has no attribute ${unknown.join(', ')}; apply_configuration changes only attributes the BMC lists.`);
  }
  const patch: BiosAttributes = {};
  const awaited: Record<string, SettingValue> = {};
  const conflicts: string[] = [];
  for (const [name, value] of requested) {
    const now = settingValue(current[name]);
    if (value === now) continue;
    awaited[name] = value;
    const staged = name in pending ? settingValue(pending[name]) : now;
    if (staged === value) continue;
    if (staged !== now) conflicts.push(`${name} (pending ${JSON.stringify(staged)}, requested ${JSON.stringify(value)})`);
    else patch[name] = typedValue(node, name, value, current[name]);
  }
  if (conflicts.length > 0) {
    throw new DriverOperationError({
      driver: 'redfish',
      reason: `the BIOS of node ${node} already has other values pending for ${conflicts.join(', ')}; they apply at the next reboot. Reboot the node or reset the BIOS first.`,
    });
  }
  return { patch, awaited };
}

/** The requested string typed like the attribute's current value (Redfish wants integers and Booleans as such). */
function typedValue(node: string, name: string, value: SettingValue, current: unknown): unknown {
  if (value === null || typeof current === 'string' || current === null) return value;
  if (typeof current === 'number') {
    const number = Number(value);
    if (value.trim() !== '' && Number.isFinite(number)) return number;
  } else if (typeof current === 'boolean') {
    if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  } else {
    return value;
  }
  throw new InvalidParameterValueError(`BIOS attribute ${name} of node ${node} takes a ${typeof current}, got ${JSON.stringify(value)}.`);
}

/** The awaited values that are not current yet. */
export function notYetApplied(awaited: Record<string, SettingValue>, current: BiosAttributes): string[] {
  return Object.entries(awaited)
    .filter(([name, value]) => settingValue(current[name]) !== value)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`);
}
