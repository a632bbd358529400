import type { Provider } from '@nestjs/common';
import { APP_CONFIG } from '@slipway/runtime';
import { createSwitchDriver, type SwitchDriverConfig } from '@slipway/switch';

/** The orchestrator's switch driver (a SwitchDriver), or null when none is configured (noop). */
export const SWITCH_DRIVER = Symbol('SWITCH_DRIVER');

/** The switch part of an app config (`siteTasks.switchDriver`, `siteTasks.switches`); noop where it has none. */
export function switchDriverConfigFrom(config: unknown): SwitchDriverConfig {
  const siteTasks = (config as { siteTasks?: { switchDriver?: SwitchDriverConfig['driver']; switches?: string[] } } | null)?.siteTasks ?? {};
  return { driver: siteTasks.switchDriver ?? 'noop', switches: siteTasks.switches ?? [] };
}

/** Built at start, its configuration checked: a misconfigured driver stops the process with every problem named. */
export const switchDriverProvider: Provider = {
  provide: SWITCH_DRIVER,
  inject: [{ token: APP_CONFIG, optional: true }],
  useFactory: (config?: unknown) => createSwitchDriver(switchDriverConfigFrom(config)),
};
