import type { z } from 'zod';

/**
 * One configuration setting, declared once in the catalogue. `key` is its dotted path in the
 * config object and in the config file (`api.port`), `env` its environment variable.
 */
export interface Setting<K extends string = string, T = unknown> {
  readonly key: K;
  readonly env: string;
  /** Accepts the environment's string form and the config file's native form. */
  readonly schema: z.ZodType<Exclude<T, undefined>>;
  readonly description: string;
  /** Values are masked in every message (URL settings: only the password). */
  readonly secret: boolean;
  /** The value when neither the environment nor the file sets it; undefined for optional settings. */
  defaultValue(): T;
  /** How the settings table shows the default (computed defaults have no literal). */
  readonly defaultLabel: string | undefined;
}

/** The type a setting contributes to the config object. */
export type SettingValue<S> = S extends { defaultValue(): infer T } ? T : never;

interface SettingSpec<K extends string, S extends z.ZodType> {
  key: K;
  env: string;
  schema: S;
  description: string;
  secret?: boolean;
  /** Overrides the table's rendering of the default, e.g. "host name" for `os.hostname`. */
  defaultLabel?: string;
}

const KEY_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/;
const ENV_PATTERN = /^SLIPWAY_[A-Z0-9_]+$/;

export function defineSetting<const K extends string, S extends z.ZodType>(
  spec: SettingSpec<K, S> & { default: z.output<S> | (() => z.output<S>) },
): Setting<K, z.output<S>>;
export function defineSetting<const K extends string, S extends z.ZodType>(
  spec: SettingSpec<K, S> & { default?: undefined },
): Setting<K, z.output<S> | undefined>;
export function defineSetting(spec: SettingSpec<string, z.ZodType> & { default?: unknown }): Setting {
  if (!KEY_PATTERN.test(spec.key)) throw new TypeError(`Setting key "${spec.key}" must be dotted camelCase (e.g. api.port).`);
  if (!ENV_PATTERN.test(spec.env)) throw new TypeError(`Setting ${spec.key}: env "${spec.env}" must look like SLIPWAY_NAME.`);
  const fallback = spec.default;
  const defaultValue = typeof fallback === 'function' ? (fallback as () => unknown) : () => fallback;
  return Object.freeze({
    key: spec.key,
    env: spec.env,
    schema: spec.schema,
    description: spec.description,
    secret: spec.secret ?? false,
    defaultValue,
    defaultLabel: spec.defaultLabel ?? (typeof fallback === 'function' ? undefined : renderDefault(fallback)),
  });
}

function renderDefault(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.join(',');
  if (value === '') return '""';
  return String(value);
}

/** `SLIPWAY_API_PORT (config key api.port)`: how every message names a setting. */
export function settingLabel(setting: Setting): string {
  return `${setting.env} (config key ${setting.key})`;
}
