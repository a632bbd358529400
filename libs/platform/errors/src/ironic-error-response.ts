import { toDomainError } from './error-registry';

export interface IronicErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: { error_message: string };
}

/**
 * The HTTP error in Ironic's format: `{"error_message": "<JSON string>"}` where the inner string
 * is `{"faultcode": ..., "faultstring": ..., "debuginfo": ...}`. Clients (ironicclient,
 * gophercloud) decode the inner string, so it is written exactly as Ironic's Python json.dumps
 * does: that key order, ", " and ": " separators, non-ASCII escaped. Client errors (4xx) never
 * carry a traceback; server errors carry one only when `debug` is on.
 */
export function ironicErrorResponse(err: unknown, opts: { debug?: boolean } = {}): IronicErrorResponse {
  const error = toDomainError(err);
  const isClientError = error.httpStatus >= 400 && error.httpStatus < 500;
  const debuginfo = !isClientError && opts.debug === true ? tracebackOf(error) : null;
  const fault = pythonJsonObject([
    ['faultcode', isClientError ? 'Client' : 'Server'],
    ['faultstring', error.message],
    ['debuginfo', debuginfo],
  ]);
  return { status: error.httpStatus, headers: error.headers(), body: { error_message: fault } };
}

function tracebackOf(error: Error): string | null {
  // An unexpected error is wrapped; its own stack is the useful one.
  const origin = error.cause instanceof Error ? error.cause : error;
  return origin.stack ?? null;
}

/** Python's `json.dumps` of a flat dict (default settings), keys in the given order. */
function pythonJsonObject(entries: [string, string | null][]): string {
  const members = entries.map(([key, value]) => `${pythonJsonString(key)}: ${value === null ? 'null' : pythonJsonString(value)}`);
  return `{${members.join(', ')}}`;
}

function pythonJsonString(value: string): string {
  // JSON.stringify escapes quotes, backslashes and control characters as Python does; Python's
  // ensure_ascii also escapes DEL and everything beyond ASCII, one UTF-16 unit at a time.
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
