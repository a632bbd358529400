import type { NodeEntity } from '@slipway/db';
import { DriverNode, INTERFACE_TYPES, interfaceField } from '@slipway/drivers-framework';

// The node row and the node drivers see share property names; these are the ones drivers get.
const DRIVER_NODE_KEYS = [
  'uuid', 'name', 'driver', 'driverInfo', 'driverInternalInfo', 'instanceInfo', 'instanceUuid', 'properties', 'extra', 'powerState',
  'targetPowerState', 'provisionState', 'targetProvisionState', 'maintenance', 'lastError', 'consoleEnabled', 'bootMode', 'secureBoot',
  'raidConfig', 'targetRaidConfig', 'cleanStep', 'deployStep', 'serviceStep', ...INTERFACE_TYPES.map(interfaceField),
] as const satisfies ReadonlyArray<keyof DriverNode>;

export function toDriverNode(node: NodeEntity): DriverNode {
  const copy: Record<string, unknown> = {};
  for (const key of DRIVER_NODE_KEYS) copy[key] = structuredClone((node as unknown as Record<string, unknown>)[key] ?? null);
  return copy as DriverNode;
}

/** The fields a task changed, as entity properties (JSON compared by value). */
export function changedFields(before: DriverNode, after: DriverNode): Partial<NodeEntity> {
  const changes: Record<string, unknown> = {};
  for (const key of DRIVER_NODE_KEYS) {
    if (key === 'uuid') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  }
  return changes as Partial<NodeEntity>;
}
