import type { ConductorInterfaceRow } from '@slipway/db';
import { DriverLoadError, NoDriversLoadedError } from '@slipway/errors';

/** What a conductor registers besides its identity: from the driver registry. */
export interface ConductorRegistrationInfo {
  /** The hardware types this conductor loaded. */
  hardwareTypes: readonly string[];
  /** One row per enabled implementation per interface type per hardware type. */
  interfaces: readonly ConductorInterfaceRow[];
}

export const CONDUCTOR_REGISTRATION_INFO = Symbol('CONDUCTOR_REGISTRATION_INFO');

/**
 * Refuses a registration the rings would get wrong. Rings are built from the interface rows, so
 * a hardware type without rows would be served in name only, and rows of a type not listed would
 * route nodes to a conductor that does not claim the type.
 */
export function checkRegistrationInfo(hostname: string, info: ConductorRegistrationInfo): void {
  if (info.hardwareTypes.length === 0) throw new NoDriversLoadedError({ conductor: hostname });
  const listed = new Set(info.hardwareTypes);
  const withRows = new Set(info.interfaces.map((row) => row.hardwareType));
  for (const hardwareType of withRows) {
    if (!listed.has(hardwareType)) throw new DriverLoadError({ driver: hardwareType, reason: 'it has interface rows but is not among the hardware types registered' });
  }
  for (const hardwareType of listed) {
    if (!withRows.has(hardwareType)) throw new DriverLoadError({ driver: hardwareType, reason: 'no interface is enabled for it' });
  }
}
