import type { ConductorInterfaceRow } from '@slipway/db';

/**
 * The interface types of the driver detail, each with the version that shows it. Ironic walks a
 * Python set here, so its order changes from one process to the next; this is the order the
 * captured Ironic 2023.1 answered with, so that the documents compare key for key; `firmware`
 * (1.86), which that Ironic did not have, comes last.
 */
export const DRIVER_INTERFACE_TYPES: ReadonlyArray<{ type: string; minMinor: number }> = [
  { type: 'deploy', minMinor: 30 },
  { type: 'power', minMinor: 30 },
  { type: 'rescue', minMinor: 38 },
  { type: 'storage', minMinor: 33 },
  { type: 'vendor', minMinor: 30 },
  { type: 'inspect', minMinor: 30 },
  { type: 'raid', minMinor: 30 },
  { type: 'network', minMinor: 30 },
  { type: 'bios', minMinor: 40 },
  { type: 'console', minMinor: 30 },
  { type: 'management', minMinor: 30 },
  { type: 'boot', minMinor: 30 },
  { type: 'firmware', minMinor: 86 },
];

/**
 * `default_<type>_interface` and `enabled_<type>_interfaces` of one hardware type from the rows
 * its live conductors registered: the union of what they enable (first seen first) and the
 * default they mark (Ironic assumes every conductor marks the same one).
 */
export function driverInterfaceFields(rows: readonly ConductorInterfaceRow[], minor: number): Record<string, string | string[] | null> {
  const fields: Record<string, string | string[] | null> = {};
  for (const { type, minMinor } of DRIVER_INTERFACE_TYPES) {
    if (minor < minMinor) continue;
    const ofType = rows.filter((row) => row.interfaceType === type);
    fields[`default_${type}_interface`] = ofType.find((row) => row.isDefault)?.interfaceName ?? null;
    fields[`enabled_${type}_interfaces`] = [...new Set(ofType.map((row) => row.interfaceName))];
  }
  return fields;
}
