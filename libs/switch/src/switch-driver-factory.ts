import { InvalidParameterValueError } from '@slipway/errors';
import { FakeSwitchDriver } from './fake-switch-driver.interface';
import { LinuxBridgeSwitchDriver, type LinuxBridgeSwitch } from './linux-bridge-switch-driver.interface';
import type { SwitchDriver } from './switch-driver.interface';

/** `noop`: no switch is driven (Ironic's noop network interface); the network steps say so and change nothing. */
export const SWITCH_DRIVER_NAMES = ['noop', FakeSwitchDriver.driverName, LinuxBridgeSwitchDriver.driverName] as const;
export type SwitchDriverName = (typeof SWITCH_DRIVER_NAMES)[number];

/**
 * The orchestrator's switch configuration (SLIPWAY_ORCHESTRATOR_SWITCH_DRIVER and
 * SLIPWAY_ORCHESTRATOR_SWITCHES): the driver, and its switches written `<name>` (fake) or
 * `<name>=<namespace>:<bridge>` (linux-bridge).
 */
export interface SwitchDriverConfig {
  driver: SwitchDriverName;
  switches: readonly string[];
}

/**
 * The driver the configuration names, its own configuration checked (validate()); null for
 * `noop`. Every mistake is reported at once.
 */
export async function createSwitchDriver(config: SwitchDriverConfig): Promise<SwitchDriver | null> {
  const driver = build(config);
  await driver?.validate();
  return driver;
}

function build({ driver, switches }: SwitchDriverConfig): SwitchDriver | null {
  if (driver === 'noop') {
    if (switches.length > 0) throw misconfigured(driver, 'switches are listed, but the noop driver drives none: choose fake or linux-bridge');
    return null;
  }
  if (driver === FakeSwitchDriver.driverName) {
    const written = switches.filter((entry) => entry.includes('='));
    if (written.length > 0) throw misconfigured(driver, `fake switches are written by name only, got ${written.join(', ')}`);
    return new FakeSwitchDriver({ ports: [], switches });
  }
  const problems: string[] = [];
  const targets: Record<string, LinuxBridgeSwitch> = {};
  for (const entry of switches) {
    const match = /^([^=]+)=([^:]+):(.+)$/.exec(entry);
    if (match === null) problems.push(`"${entry}" must be <switch>=<namespace>:<bridge>`);
    else if (Object.hasOwn(targets, match[1])) problems.push(`switch ${match[1]} is listed twice`);
    else targets[match[1]] = { namespace: match[2], bridge: match[3] };
  }
  if (problems.length > 0) throw misconfigured(driver, problems.join('; '));
  return new LinuxBridgeSwitchDriver({ switches: targets });
}

function misconfigured(driver: string, problem: string): InvalidParameterValueError {
  return new InvalidParameterValueError(`The ${driver} switch driver is misconfigured: ${problem}.`);
}
