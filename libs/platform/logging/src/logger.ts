import pino from 'pino';
import { correlation } from './correlation';
import { prettyDestination, type LogDestination } from './pretty-format';
import { maskSecretsInText, REDACTED, redactSecrets } from './redaction';

export type Logger = pino.Logger;
export type LogLevel = 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
export type LogFormat = 'json' | 'pretty';

export interface LoggingOptions {
  level?: LogLevel;
  format?: LogFormat;
  /** Where lines go; stdout by default. Tests pass a memory stream. */
  destination?: LogDestination;
  /** Process role written on every line (`api`, `conductor`...). */
  name?: string;
}

// Exact paths that serializers may produce after our own redaction has run (pino applies
// serializers last); the rest is handled by redactSecrets, which knows key patterns and URLs.
const SERIALIZED_SECRET_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

let stdout: LogDestination | undefined;
function stdoutDestination(): LogDestination {
  // One stream on fd 1 for the life of the process; pino flushes it on exit.
  stdout ??= pino.destination({ dest: 1, sync: false });
  return stdout;
}

function createRoot(options: LoggingOptions): pino.Logger {
  const destination = options.destination ?? stdoutDestination();
  return pino(
    {
      level: options.level ?? 'info',
      name: options.name,
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin() {
        const id = correlation.id();
        return id === undefined ? {} : { correlation_id: id };
      },
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => redactSecrets(bindings) as Record<string, unknown>,
        log: (object) => redactSecrets(object) as Record<string, unknown>,
      },
      // redactSecrets already turned errors into plain objects; pino's own err serializer
      // would rename their type to "Object".
      serializers: { err: (value: unknown) => value },
      redact: { paths: SERIALIZED_SECRET_PATHS, censor: REDACTED },
      hooks: {
        // The message and its interpolation arguments are not seen by formatters.log.
        logMethod(args, method) {
          const cleaned = args.map((arg, i) =>
            typeof arg === 'string' ? maskSecretsInText(arg) : i > 0 && typeof arg === 'object' ? redactSecrets(arg) : arg,
          );
          return method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
    },
    options.format === 'pretty' ? prettyDestination(destination) : (destination as pino.DestinationStream),
  );
}

// Built on first use, so importing the lib opens nothing.
let root: pino.Logger | undefined;
let generation = 0;

/**
 * Sets level, format and destination for the whole process; call once at boot, after the config
 * is loaded. Loggers obtained earlier follow the new settings.
 */
export function configureLogging(options: LoggingOptions): void {
  root = createRoot(options);
  generation += 1;
}

/**
 * The logger of one component (a class, usually): `private readonly log = getLogger(NodeService.name)`.
 * Usable before configureLogging (info level, JSON on stdout); it follows later configuration.
 */
export function getLogger(component: string, bindings: Record<string, unknown> = {}): Logger {
  let builtFor = -1;
  let current: pino.Logger | undefined;
  const resolve = (): pino.Logger => {
    if (current === undefined || builtFor !== generation) {
      root ??= createRoot({});
      current = root.child({ component, ...bindings });
      builtFor = generation;
    }
    return current;
  };
  return new Proxy({} as Logger, {
    get(_target, prop) {
      const logger = resolve();
      const value: unknown = Reflect.get(logger, prop, logger);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(logger) : value;
    },
    set(_target, prop, value) {
      return Reflect.set(resolve(), prop, value);
    },
    has(_target, prop) {
      return Reflect.has(resolve(), prop);
    },
  });
}
