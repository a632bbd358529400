/** What a secret is replaced with in log output. */
export const REDACTED = '[REDACTED]';

// Lower-cased fragments of key names whose values are secrets wherever they appear
// (`password`, `bmc_password`, `ipmiPassword`, `agent_token`, `Authorization`...).
const SECRET_KEY_PARTS = [
  'password',
  'passwd',
  'pswd',
  'passphrase',
  'secret',
  'token',
  'authorization',
  'cookie',
  'private_key',
  'privatekey',
  'api_key',
  'apikey',
  'credential',
];

export function isSecretKey(key: string): boolean {
  const lower = key.toLowerCase();
  return SECRET_KEY_PARTS.some((part) => lower.includes(part));
}

// scheme://user:password@ — the password runs to the last '@' of the token, so that an
// unencoded '/' or ':' in it is masked too (masking too much is the safe mistake).
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*):[^\s@]*@/gi;
// password=..., "token": "...", secret: ... inside free text.
const KEY_VALUE_SECRET = /\b([\w.-]*(?:password|passwd|secret|token)[\w.-]*["']?\s*[=:]\s*["']?)[^\s"',;&}]+/gi;

/** Masks credentials inside free text: URL passwords and `password=...`-style pairs. */
export function maskSecretsInText(text: string): string {
  if (!text.includes('@') && !/password|passwd|secret|token/i.test(text)) return text;
  return text.replace(URL_CREDENTIALS, `$1:${REDACTED}@`).replace(KEY_VALUE_SECRET, `$1${REDACTED}`);
}

const MAX_DEPTH = 8;

/**
 * A copy of a value about to be logged with every secret removed: values under secret-looking
 * keys become [REDACTED], strings lose URL passwords, and errors become plain objects (type,
 * message, stack and their own fields) that get the same treatment.
 */
export function redactSecrets(value: unknown): unknown {
  return redact(value, 0, new WeakSet<object>());
}

function redact(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return maskSecretsInText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  try {
    if (value instanceof Error) return redactObject(errorToObject(value), depth, seen);
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
    // Dates, buffers and the like serialise themselves and hold no keys to inspect.
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function' || value instanceof Map || value instanceof Set) return value;
    return redactObject(value as Record<string, unknown>, depth, seen);
  } finally {
    seen.delete(value);
  }
}

function redactObject(obj: Record<string, unknown>, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) {
    const item = obj[key];
    out[key] = isSecretKey(key) && item !== undefined && item !== null ? REDACTED : redact(item, depth + 1, seen);
  }
  return out;
}

function errorToObject(err: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { type: err.name, message: err.message, stack: err.stack };
  for (const key of Object.keys(err)) {
    if (!(key in out) && key !== 'name') out[key] = (err as unknown as Record<string, unknown>)[key];
  }
  if (err.cause !== undefined) out['cause'] = err.cause;
  return out;
}
