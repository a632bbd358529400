import { InvalidParameterValueError } from '@slipway/errors';
import { pythonRepr } from '../common/python-repr';

// Ironic validates traits with a JSON schema: a string of 1 to 255 characters that is either a
// standard os-traits name or `CUSTOM_` plus upper-case letters, digits and underscores. We have no
// os-traits catalogue, so a standard name is anything in the os-traits alphabet that does not
// claim the CUSTOM_ namespace. Messages follow what Ironic's schema validation reports.

export const CUSTOM_TRAIT_PATTERN = '^CUSTOM_[A-Z0-9_]+$';
const CUSTOM_TRAIT = new RegExp(CUSTOM_TRAIT_PATTERN);
const STANDARD_TRAIT = /^[A-Z0-9_]+$/;
const MAX_TRAIT_LENGTH = 255;

export function isValidTrait(value: string): boolean {
  return CUSTOM_TRAIT.test(value) || (STANDARD_TRAIT.test(value) && !value.startsWith('CUSTOM_'));
}

/** What the schema says about one trait value, or undefined when it is a valid trait. */
function traitProblem(value: unknown): { message: string; weak: boolean } | undefined {
  const repr = pythonRepr(value);
  if (typeof value !== 'string') return { message: `${repr} is not of type 'string'`, weak: false };
  const length = [...value].length;
  if (length < 1) return { message: `${repr} is too short`, weak: false };
  if (length > MAX_TRAIT_LENGTH) return { message: `${repr} is too long`, weak: false };
  if (isValidTrait(value)) return undefined;
  // The name matched neither alternative; the schema names the custom pattern as the likely cause.
  return { message: `${repr} is not valid under any of the given schemas. Possible root cause: ${repr} does not match '${CUSTOM_TRAIT_PATTERN}'`, weak: true };
}

/** `PUT .../traits/{trait}`: the trait in the path. */
export function checkTrait(value: string): string {
  const problem = traitProblem(value);
  if (problem) throw new InvalidParameterValueError(`Schema error for trait: ${problem.message}`);
  return value;
}

/**
 * `PUT .../traits` body: `{traits: [...]}` and nothing else. Returns the list, or undefined when
 * the body names none. Like the schema validator, the shallowest problem wins, and a wrong type or
 * length is reported before a name that matches no pattern.
 */
export function checkTraitsBody(body: unknown): string[] | undefined {
  if (body === null || body === undefined) return undefined;
  const fail = (message: string): never => {
    throw new InvalidParameterValueError(`Schema error for body: ${message}`);
  };
  if (typeof body !== 'object' || Array.isArray(body)) return fail(`${pythonRepr(body)} is not of type 'object'`);
  const extras = Object.keys(body).filter((key) => key !== 'traits');
  if (extras.length) fail(`Additional properties are not allowed (${extras.map(pythonRepr).join(', ')} ${extras.length === 1 ? 'was' : 'were'} unexpected)`);
  if (!('traits' in body)) return undefined;
  const traits = (body as { traits: unknown }).traits;
  if (!Array.isArray(traits)) return fail(`${pythonRepr(traits)} is not of type 'array'`);
  const problems = traits.map(traitProblem).filter((problem) => problem !== undefined);
  const first = problems.find((problem) => !problem.weak) ?? problems[0];
  if (first) fail(first.message);
  return traits as string[];
}
