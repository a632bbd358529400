import { InvalidParameterValueError, MissingParameterValueError } from '@slipway/errors';
import { parseBoolean } from '../common/query-values';
import { pythonStr } from '../common/python-repr';

// Ironic hands the keys of a JSON body to the API method as its named arguments and checks each
// by name before the method runs; these are those checks, with Ironic's messages.

export type MethodArgs = Record<string, unknown>;

/** The body's keys as arguments; a key the method does not take is refused, as Ironic does. */
export function methodArgs(body: unknown, names: readonly string[]): MethodArgs {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
  const args = body as MethodArgs;
  const unexpected = Object.keys(args).filter((key) => !names.includes(key));
  if (unexpected.length) throw new InvalidParameterValueError(`Unexpected arguments: ${unexpected.join(', ')}`);
  return args;
}

/** A mandatory argument must be present (it may be null, which the checks below pass as absent). */
export function required(args: MethodArgs, name: string): unknown {
  if (!(name in args)) throw new MissingParameterValueError(`Missing mandatory parameter: ${name}`);
  return args[name];
}

export function stringArg(name: string, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') throw new InvalidParameterValueError(`Expected string for ${name}: ${pythonStr(value)}`);
  return value;
}

/** Python's int(): integers, booleans, truncated floats and integer strings (`" 5"`, `"+5"`, `"1_000"`). */
export function integerArg(name: string, value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(value)) return Number(value.trim().replace(/_/g, ''));
  throw new InvalidParameterValueError(`Expected an integer for ${name}: ${pythonStr(value)}`);
}

/** oslo's strict bool_from_string: booleans, and the usual yes/no words (numbers as their text). */
export function booleanArg(name: string, value: unknown): boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  return parseBoolean(name, pythonStr(value));
}
