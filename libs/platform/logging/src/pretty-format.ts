/** Where log lines go: a file descriptor stream in production, a memory stream in tests. */
export interface LogDestination {
  write(chunk: string): unknown;
}

// Fields shown in the fixed part of a pretty line, or left out as noise for a human reader.
const LEADING_FIELDS = new Set(['time', 'level', 'component', 'msg', 'pid', 'hostname', 'name', 'err', 'correlation_id']);

/**
 * A destination that turns pino's JSON lines into one human line each:
 * `12:00:00.123 INFO  [NodeService] message key=value correlation_id=req-...`,
 * followed by an error's stack, indented, when there is one.
 */
export function prettyDestination(target: LogDestination): LogDestination {
  return {
    write(chunk: string): unknown {
      return target.write(formatPrettyLine(chunk));
    },
  };
}

export function formatPrettyLine(jsonLine: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(jsonLine) as Record<string, unknown>;
  } catch {
    return jsonLine.endsWith('\n') ? jsonLine : `${jsonLine}\n`;
  }
  const time = typeof entry['time'] === 'string' ? entry['time'].slice(11, 23) : '';
  const level = String(entry['level'] ?? '').toUpperCase().padEnd(5);
  const component = entry['component'] === undefined ? '' : ` [${String(entry['component'])}]`;
  const msg = entry['msg'] === undefined ? '' : ` ${String(entry['msg'])}`;
  const extras = Object.entries(entry)
    .filter(([key]) => !LEADING_FIELDS.has(key))
    .map(([key, value]) => ` ${key}=${formatValue(value)}`)
    .join('');
  const correlationId = entry['correlation_id'] === undefined ? '' : ` correlation_id=${String(entry['correlation_id'])}`;
  let line = `${time} ${level}${component}${msg}${extras}${correlationId}\n`;
  const err = entry['err'] as { type?: unknown; message?: unknown; stack?: unknown } | undefined;
  if (err !== undefined && err !== null) {
    const text = typeof err.stack === 'string' ? err.stack : `${String(err.type)}: ${String(err.message)}`;
    line += text.replace(/^/gm, '    ') + '\n';
  }
  return line;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}
