import { InvalidParameterValueError } from '@slipway/errors';

// Query-string values parsed with Ironic's rules and messages.

const TRUE = ['1', 't', 'true', 'on', 'y', 'yes'];
const FALSE = ['0', 'f', 'false', 'off', 'n', 'no'];

/** oslo's strict bool_from_string, as Ironic parses `maintenance=`, `associated=`, ... */
export function parseBoolean(name: string, raw: string | undefined): boolean | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim().toLowerCase();
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  const acceptable = [...TRUE, ...FALSE].sort().map((v) => `'${v}'`).join(', ');
  throw new InvalidParameterValueError(`Invalid ${name}: Unrecognized value '${raw}', acceptable values are: ${acceptable}`);
}

/** A single query value; repeated parameters keep the last, as WebOb does. */
export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[value.length - 1] : value;
}
