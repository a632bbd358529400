import { ConfigError } from './config.error';
import type { ConfigOf } from './config.types';
import { loadConfig, type LoadConfigOptions } from './load-config';
import type { Setting } from './setting';

/** sysexits.h EX_CONFIG: the configuration is wrong, restarting will not help. */
export const EXIT_CONFIG = 78;

export interface LoadConfigOrExitOptions extends LoadConfigOptions {
  /** Ends the process; tests pass one that throws. */
  exit?: (code: number) => never;
  stderr?: { write(text: string): unknown };
}

/**
 * The boot entry point: the app's config, or a short report on stderr (the app name, then one
 * line per problem, no stack trace) and exit code 78. Other errors propagate unchanged.
 */
export function loadConfigOrExit<const L extends readonly Setting[]>(list: L, appName: string, options: LoadConfigOrExitOptions = {}): ConfigOf<L> {
  const { exit = (code: number) => process.exit(code), stderr = process.stderr, ...loadOptions } = options;
  try {
    return loadConfig(list, loadOptions);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    stderr.write(`${appName}: invalid configuration\n${err.problems.map((problem) => `  - ${problem}\n`).join('')}`);
    return exit(EXIT_CONFIG);
  }
}
