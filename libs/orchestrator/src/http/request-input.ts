import type { z } from 'zod';
import { InvalidParameterValueError } from '@slipway/errors';

// Request bodies and queries are checked with zod; every issue is reported at once, at its field.

type Issue = z.core.$ZodIssue;

const EXPECTED: Readonly<Record<string, string>> = { string: 'a string', number: 'a number', int: 'an integer', boolean: 'true or false', array: 'a list', object: 'an object', record: 'an object' };

/** `node_filter.filter_set[0].filter_type`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`)).join('');
}

function got(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

function describeIssue(issue: Issue, what: string, at: readonly PropertyKey[]): string[] {
  const path = [...at, ...issue.path];
  const field = path.length === 0 ? what : fieldName(path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => `${fieldName([...path, key])} is not a known field${path.length === 0 ? ` of ${what}` : ''}`);
    case 'invalid_type':
      return [issue.input === undefined ? `${field} is required` : `${field} must be ${EXPECTED[issue.expected] ?? issue.expected} (got ${got(issue.input)})`];
    case 'invalid_value':
      return [`${field} must be one of ${issue.values.map(String).join(', ')} (got ${got(issue.input)})`];
    default:
      return [`${field} ${issue.message}`];
  }
}

/**
 * `value` as `schema` reads it, or InvalidParameterValue (400) naming every field that is wrong;
 * `at` is where `value` sits in the request (`['node_filter']`), for the field names.
 */
export function readInput<S extends z.ZodType>(schema: S, value: unknown, what: string, at: readonly PropertyKey[] = []): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new InvalidParameterValueError(`Invalid ${what}: ${result.error.issues.flatMap((issue) => describeIssue(issue, what, at)).join('; ')}.`);
}
