import type { z } from 'zod';
import type { DesignDocument, DesignKind, DesignProblem } from '../model/design-document';
import { DESIGN_SCHEMAS, type DesignData } from './design-schemas';
import { dataField, type PathSegment } from './field-path';
import { problemIn } from './design-problem';

type Issue = z.core.$ZodIssue;

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

function segmentsOf(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

/** What one schema issue says, at the field it is about (an unknown key is an issue of its own). */
function describeIssue(issue: Issue): Array<{ segments: PathSegment[]; text: string }> {
  const segments = segmentsOf(issue.path);
  const field = dataField(segments);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ segments: [...segments, key], text: `${dataField([...segments, key])} is not a known field here` }));
    case 'invalid_type':
      return [
        {
          segments,
          text:
            issue.input === undefined
              ? `${field} is required`
              : `${field} must be ${EXPECTED[issue.expected] ?? issue.expected} (got ${describeValue(issue.input)})`,
        },
      ];
    case 'invalid_value':
      return [{ segments, text: `${field} must be one of ${issue.values.map(String).join(', ')} (got ${describeValue(issue.input)})` }];
    default:
      // Unions, patterns, minimum counts and cross-field checks carry their own wording in the schema.
      return [{ segments, text: `${field} ${issue.message}` }];
  }
}

/** Checks a document's `data` against the schema of its kind: one problem per issue, at its line, in line order. */
export function validateDesignDocument(document: DesignDocument): DesignProblem[] {
  const result = DESIGN_SCHEMAS[document.kind].safeParse(document.data, { reportInput: true });
  if (result.success) return [];
  return result.error.issues
    .flatMap(describeIssue)
    .map(({ segments, text }) => problemIn(document, segments, text))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function removeAt(root: unknown, paths: ReadonlyArray<readonly PropertyKey[]>): boolean {
  const listRemovals = new Map<unknown[], Set<number>>();
  let removed = false;
  for (const path of paths) {
    let parent: unknown = root;
    for (const segment of path.slice(0, -1)) parent = (parent as Record<PropertyKey, unknown> | undefined)?.[segment];
    const last = path[path.length - 1];
    if (Array.isArray(parent) && typeof last === 'number') {
      listRemovals.set(parent, (listRemovals.get(parent) ?? new Set()).add(last));
      removed = true;
    } else if (parent !== null && typeof parent === 'object' && Object.hasOwn(parent, last)) {
      delete (parent as Record<PropertyKey, unknown>)[last];
      removed = true;
    }
  }
  for (const [list, indexes] of listRemovals) {
    for (const index of [...indexes].sort((a, b) => b - a)) list.splice(index, 1);
  }
  return removed;
}

/**
 * A document's `data` typed by its schema, with what does not fit it left out (a wrong field, a list
 * item without its required fields, the entry holding a missing required field); undefined when the
 * document as a whole does not fit. Compiling uses it so that one bad field does not hide the rest of
 * the site: the schema problems themselves are validateDesignDocument's to report.
 */
export function readDesignData<K extends DesignKind>(kind: K, data: unknown): DesignData<K> | undefined {
  const schema = DESIGN_SCHEMAS[kind] as unknown as z.ZodType<DesignData<K>>;
  const working: unknown = structuredClone(data);
  for (;;) {
    const result = schema.safeParse(working);
    if (result.success) return result.data;
    const paths = result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path],
    );
    if (paths.some((path) => path.length === 0)) return undefined;
    // A missing required field cannot be removed: drop what holds it instead.
    if (!removeAt(working, paths) && !removeAt(working, paths.map((path) => path.slice(0, -1)).filter((path) => path.length > 0))) {
      return undefined;
    }
  }
}
