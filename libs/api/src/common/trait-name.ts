import { pythonRepr } from './schema-messages';
import { STANDARD_TRAITS } from './standard-traits';

// Trait names as Ironic accepts them (its TRAITS_SCHEMA): a standard os-traits name, or a custom
// one matching CUSTOM_[A-Z0-9_]+; 1 to 255 characters either way.

export const CUSTOM_TRAIT_PATTERN = '^CUSTOM_[A-Z0-9_]+$';
const CUSTOM_TRAIT = new RegExp(CUSTOM_TRAIT_PATTERN);

export function isValidTrait(value: unknown): value is string {
  return traitProblem(value) === undefined;
}

/** What jsonschema says about a value that is not a trait name, or undefined for a valid one. */
export function traitProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `${pythonRepr(value)} is not of type 'string'`;
  if (value.length < 1) return `${pythonRepr(value)} is too short`;
  if (value.length > 255) return `${pythonRepr(value)} is too long`;
  if (CUSTOM_TRAIT.test(value) || STANDARD_TRAITS.has(value)) return undefined;
  // Neither branch of the anyOf matched; Ironic names the first branch as the likely cause.
  return `${pythonRepr(value)} is not valid under any of the given schemas. Possible root cause: ${pythonRepr(value)} does not match '${CUSTOM_TRAIT_PATTERN}'`;
}
