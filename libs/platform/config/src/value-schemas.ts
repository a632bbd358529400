import { z } from 'zod';

// Schemas for setting values. Each accepts the string an environment variable holds and the
// native value a YAML/JSON file holds, converts explicitly (never JavaScript's loose coercion),
// and fails with one message that says what was expected.

function valueSchema<T>(expected: string, parse: (raw: unknown) => T | undefined): z.ZodType<T> {
  return z.unknown().transform((raw, ctx) => {
    const value = parse(typeof raw === 'string' ? raw.trim() : raw);
    if (value === undefined) {
      ctx.addIssue(`expected ${expected}`);
      return z.NEVER;
    }
    return value;
  });
}

function integer(opts: { min: number; max?: number }): z.ZodType<number> {
  const { min, max = Number.MAX_SAFE_INTEGER } = opts;
  const expected = max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`;
  return valueSchema(expected, (raw) => {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[+-]?\d+$/.test(raw) ? Number(raw) : NaN;
    return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
  });
}

/**
 * A duration in seconds; fractions are allowed (tests use sub-second heartbeats). With
 * `zeroDisables`, 0 is allowed too: periodic task intervals, where 0 turns the task off.
 */
function seconds(opts: { zeroDisables?: boolean } = {}): z.ZodType<number> {
  const expected = opts.zeroDisables ? 'a number of seconds, or 0 to disable' : 'a number of seconds greater than 0';
  return valueSchema(expected, (raw) => {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    return Number.isFinite(n) && (n > 0 || (opts.zeroDisables === true && n === 0)) ? n : undefined;
  });
}

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

function boolean(): z.ZodType<boolean> {
  return valueSchema('true or false', (raw) => {
    if (typeof raw === 'boolean') return raw;
    if (typeof raw !== 'string') return undefined;
    const word = raw.toLowerCase();
    return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined;
  });
}

/** A comma-separated list in the environment, a list or the same string in a file. */
function list(opts: { item: RegExp; itemExpected: string; minItems?: number }): z.ZodType<string[]> {
  const minItems = opts.minItems ?? 0;
  const some = minItems > 0 ? 'a non-empty ' : 'a ';
  return valueSchema(`${some}comma-separated list of ${opts.itemExpected}`, (raw) => {
    const items = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw : undefined;
    if (items === undefined || !items.every((item) => typeof item === 'string')) return undefined;
    const cleaned = [...new Set(items.map((item) => item.trim()).filter((item) => item !== ''))];
    return cleaned.length >= minItems && cleaned.every((item) => opts.item.test(item)) ? cleaned : undefined;
  });
}

function url(opts: { protocols: string[] }): z.ZodType<string> {
  const expected = `a ${opts.protocols.map((p) => `${p}//`).join(' or ')} URL`;
  return valueSchema(expected, (raw) => {
    if (typeof raw !== 'string') return undefined;
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      return undefined;
    }
    // Postgres may name a Unix socket directory in ?host= instead of a host name.
    const hasHost = parsed.hostname !== '' || parsed.searchParams.has('host');
    return opts.protocols.includes(parsed.protocol) && hasHost ? raw : undefined;
  });
}

function oneOf<const V extends readonly [string, ...string[]]>(values: V): z.ZodType<V[number]> {
  return valueSchema(`one of ${values.join(', ')}`, (raw) =>
    typeof raw === 'string' && (values as readonly string[]).includes(raw) ? (raw as V[number]) : undefined,
  );
}

function text(opts: { expected: string; pattern?: RegExp; maxLength?: number; lowercase?: boolean }): z.ZodType<string> {
  return valueSchema(opts.expected, (raw) => {
    if (typeof raw !== 'string') return undefined;
    if (opts.maxLength !== undefined && raw.length > opts.maxLength) return undefined;
    if (opts.pattern !== undefined && !opts.pattern.test(raw)) return undefined;
    return opts.lowercase === true ? raw.toLowerCase() : raw;
  });
}

export const settingValue = { integer, seconds, boolean, list, url, oneOf, text };
