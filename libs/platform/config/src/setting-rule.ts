import type { Setting, SettingValue } from './setting';

/**
 * A check across several settings (e.g. heartbeat timeout > interval). It runs when every one of
 * its settings is part of the app's list and parsed well, and returns a problem or undefined.
 */
export interface SettingRule {
  readonly settings: readonly Setting[];
  check(values: readonly unknown[]): string | undefined;
}

export function defineRule<const L extends readonly Setting[]>(
  settings: L,
  check: (...values: { -readonly [I in keyof L]: SettingValue<L[I]> }) => string | undefined,
): SettingRule {
  return {
    settings,
    check: (values) => check(...(values as { -readonly [I in keyof L]: SettingValue<L[I]> })),
  };
}
