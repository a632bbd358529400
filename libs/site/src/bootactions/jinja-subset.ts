import { InvalidParameterValueError } from '@slipway/errors';

// The part of Jinja2 that boot action templates use. Drydock renders a `template` pipeline step
// with a default `jinja2.Template(text).render(context)`; this follows that where the subset
// reaches, and refuses the rest by name instead of printing something else.
//
// Supported:
// - text, copied as is after Jinja2's own source handling: every line ending (\r\n, \r, \n)
//   becomes \n, and one trailing newline of the template is dropped (keep_trailing_newline off);
// - `{{ path }}` with any whitespace inside the braces, where a path is a name followed by
//   `.name`, `.0`, `[0]`, `['key']` or `["key"]` steps (a label key with a dash needs the brackets);
// - the `urlencode` filter (`{{ path | urlencode }}`), which Drydock documents for templates:
//   a string or number is percent-encoded leaving letters, digits, `_.-~` and `/` as they are;
//   a mapping becomes `key=value&…` with spaces as `+`;
// - `{# comments #}`, which print nothing.
// Refused, each with its own message: statements (`{% … %}`), other filters, literals and
// operators, whitespace control (`{{-`), a name or key that is not in the context (Jinja2 prints
// an empty string for some of these), and printing a list or mapping whole or a null (Jinja2
// prints Python's repr or `None`). Booleans print as Python does: `True`, `False`.

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PATH_SAFE = /[A-Za-z0-9_.\-~/]/;
const QUERY_SAFE = /[A-Za-z0-9_.\-~]/;

type Step = { kind: 'key'; key: string } | { kind: 'index'; index: number };

interface Expression {
  name: string;
  steps: Step[];
  filters: string[];
}

function templateError(problem: string, source: string, offset: number): InvalidParameterValueError {
  const line = source.slice(0, offset).split('\n').length;
  return new InvalidParameterValueError(`line ${line}: ${problem}`, { problem, line });
}

/** Jinja2's source handling: normalised line endings, one trailing newline dropped. */
function normaliseSource(source: string): string {
  const text = source.replace(/\r\n?/g, '\n');
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** Splits an expression into tokens: names, integers, quoted strings and `.[]|`. */
function tokenize(expression: string): string[] {
  const tokens = expression.match(/\s+|[A-Za-z_][A-Za-z0-9_]*|\d+|'[^']*'|"[^"]*"|[.[\]|]|./g) ?? [];
  return tokens.filter((token) => !/^\s+$/.test(token));
}

function parseExpression(expression: string): Expression | string {
  const tokens = tokenize(expression);
  const [name, ...rest] = tokens;
  if (name === undefined) return 'empty expression';
  if (!NAME.test(name)) return `unsupported expression '${expression.trim()}' (only variable paths and the urlencode filter are supported)`;
  const steps: Step[] = [];
  const filters: string[] = [];
  for (let i = 0; i < rest.length; ) {
    const token = rest[i];
    const next = rest[i + 1] ?? '';
    if (token === '.' && filters.length === 0 && (NAME.test(next) || /^\d+$/.test(next))) {
      steps.push(/^\d+$/.test(next) ? { kind: 'index', index: Number(next) } : { kind: 'key', key: next });
      i += 2;
    } else if (token === '[' && filters.length === 0 && rest[i + 2] === ']' && /^(\d+|'[^']*'|"[^"]*")$/.test(next)) {
      steps.push(/^\d+$/.test(next) ? { kind: 'index', index: Number(next) } : { kind: 'key', key: next.slice(1, -1) });
      i += 3;
    } else if (token === '|' && NAME.test(next)) {
      filters.push(next);
      i += 2;
    } else {
      return `unsupported expression '${expression.trim()}' (only variable paths and the urlencode filter are supported)`;
    }
  }
  return { name, steps, filters };
}

function describeStep(step: Step): string {
  return step.kind === 'index' ? `[${step.index}]` : NAME.test(step.key) ? `.${step.key}` : `['${step.key}']`;
}

function lookup(value: unknown, step: Step): unknown {
  if (step.kind === 'index') return Array.isArray(value) ? value[step.index] : undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, step.key) ? (value as Record<string, unknown>)[step.key] : undefined;
}

/** Python's `urllib.parse.quote` of the UTF-8 bytes, keeping the characters `safe` matches. */
function quote(text: string, safe: RegExp): string {
  let out = '';
  for (const char of text) {
    out += safe.test(char) ? char : [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return undefined;
}

function urlencode(value: unknown): string | undefined {
  const scalar = scalarText(value);
  if (scalar !== undefined) return quote(scalar, PATH_SAFE);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const pairs = Object.entries(value).map(([key, item]) => {
    const text = scalarText(item);
    return text === undefined ? undefined : `${quote(key, QUERY_SAFE).replace(/%20/g, '+')}=${quote(text, QUERY_SAFE).replace(/%20/g, '+')}`;
  });
  return pairs.includes(undefined) ? undefined : pairs.join('&');
}

function evaluate(expression: Expression, context: unknown): { text: string } | { problem: string } {
  let value = lookup(context, { kind: 'key', key: expression.name });
  let path = expression.name;
  if (value === undefined) return { problem: `unknown variable '${path}'` };
  for (const step of expression.steps) {
    value = lookup(value, step);
    path += describeStep(step);
    if (value === undefined) return { problem: `unknown variable '${path}'` };
  }
  for (const filter of expression.filters) {
    if (filter !== 'urlencode') return { problem: `unsupported filter '${filter}' (only urlencode is supported)` };
    const encoded = urlencode(value);
    if (encoded === undefined) return { problem: `'${path}' cannot be urlencoded (a string, number or mapping of those is needed)` };
    value = encoded;
  }
  const text = scalarText(value);
  if (text !== undefined) return { text };
  const what = value === null ? 'null (Jinja2 would print None)' : Array.isArray(value) ? "a list (Jinja2 would print Python's repr)" : "a mapping (Jinja2 would print Python's repr)";
  return { problem: `'${path}' is ${what}; name one of its values` };
}

/** Renders `source` with `context` as Drydock's Jinja2 would, within the subset described above. */
export function renderTemplate(source: string, context: object): string {
  const text = normaliseSource(source);
  const opening = /\{[{%#]/g;
  let out = '';
  let position = 0;
  for (let match = opening.exec(text); match !== null; match = opening.exec(text)) {
    out += text.slice(position, match.index);
    const tag = match[0];
    if (tag === '{%') throw templateError('statements ({% … %}) are not supported', text, match.index);
    const closing = tag === '{#' ? '#}' : '}}';
    const end = text.indexOf(closing, match.index + 2);
    if (end < 0) throw templateError(`'${tag}' is not closed by '${closing}'`, text, match.index);
    if (tag === '{{') {
      const expression = parseExpression(text.slice(match.index + 2, end));
      const result = typeof expression === 'string' ? { problem: expression } : evaluate(expression, context);
      if ('problem' in result) throw templateError(result.problem, text, match.index);
      out += result.text;
    }
    position = end + 2;
    opening.lastIndex = position;
  }
  return out + text.slice(position);
}
