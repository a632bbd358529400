import { readFileSync } from 'node:fs';
import { allSettings } from './app-settings';
import { ConfigError } from './config.error';
import { readConfigFile } from './config-file';
import type { ConfigOf } from './config.types';
import { MASK, maskUrl } from './mask-url';
import { settingLabel, type Setting } from './setting';
import { settingRules, settings } from './settings';

export interface LoadConfigOptions {
  /** The environment; process.env by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Path of the config file; SLIPWAY_CONFIG_FILE by default (when the app has that setting). */
  file?: string;
  /** Reads the config file; tests pass a fake. */
  readFile?: (path: string) => string;
}

interface RawValue {
  value: unknown;
  source: string;
}

/**
 * Parses the settings of one app from the environment, then the config file, then the defaults
 * (in that order of precedence), once at boot. Every problem, including unknown keys in the file
 * and failed cross-setting rules, is collected into one ConfigError.
 */
export function loadConfig<const L extends readonly Setting[]>(list: L, options: LoadConfigOptions = {}): ConfigOf<L> {
  const env = options.env ?? process.env;
  const problems: string[] = [];

  const filePath = options.file ?? (list.includes(settings.configFile) ? envValue(env, settings.configFile.env) : undefined);
  let fileValues = new Map<string, unknown>();
  if (filePath !== undefined) {
    const content = readConfigFile(filePath, allSettings, options.readFile ?? ((path) => readFileSync(path, 'utf8')));
    problems.push(...content.problems);
    fileValues = content.values;
  }

  const values = new Map<Setting, unknown>();
  const failed = new Set<Setting>();
  for (const setting of list) {
    if (setting === settings.configFile) {
      values.set(setting, filePath); // the file actually read, whether named by option or env
      continue;
    }
    const raw = rawValue(setting, env, fileValues, filePath);
    if (raw === undefined) {
      values.set(setting, setting.defaultValue());
      continue;
    }
    const parsed = setting.schema.safeParse(raw.value);
    if (parsed.success) {
      values.set(setting, parsed.data);
    } else {
      failed.add(setting);
      problems.push(describeProblem(setting, raw, parsed.error.issues.map((issue) => issue.message)));
    }
  }

  for (const rule of settingRules) {
    if (!rule.settings.every((setting) => list.includes(setting) && !failed.has(setting))) continue;
    const problem = rule.check(rule.settings.map((setting) => values.get(setting)));
    if (problem !== undefined) problems.push(problem);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return buildConfig(values) as ConfigOf<L>;
}

/** An empty variable counts as unset: compose files and shells often export `NAME=`. */
function envValue(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

function rawValue(
  setting: Setting,
  env: Readonly<Record<string, string | undefined>>,
  fileValues: Map<string, unknown>,
  filePath: string | undefined,
): RawValue | undefined {
  const fromEnv = envValue(env, setting.env);
  if (fromEnv !== undefined) return { value: fromEnv, source: 'the environment' };
  if (fileValues.has(setting.key)) return { value: fileValues.get(setting.key), source: filePath ?? 'the config file' };
  return undefined;
}

function describeProblem(setting: Setting, raw: RawValue, messages: string[]): string {
  const shown = showValue(setting, raw.value);
  // A custom schema might quote the input in its message: hide it there too.
  const reasons = messages.map((message) =>
    setting.secret && typeof raw.value === 'string' && raw.value !== '' ? message.split(raw.value).join(shown) : message,
  );
  return `${settingLabel(setting)} from ${raw.source}: got ${shown}; ${reasons.join('; ')}`;
}

const MAX_SHOWN_LENGTH = 200;

function showValue(setting: Setting, value: unknown): string {
  let text = JSON.stringify(value) ?? String(value);
  if (setting.secret) text = typeof value === 'string' && value.includes('://') ? JSON.stringify(maskUrl(value)) : JSON.stringify(MASK);
  return text.length > MAX_SHOWN_LENGTH ? `${text.slice(0, MAX_SHOWN_LENGTH)}...` : text;
}

function buildConfig(values: Map<Setting, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [setting, value] of values) {
    const path = setting.key.split('.');
    let node = root;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1] as string] = value;
  }
  return deepFreeze(root);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
