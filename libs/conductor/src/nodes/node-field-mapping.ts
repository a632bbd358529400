import type { NodeEntity } from '@slipway/db';
import { NODE_INTERFACE_FIELDS, NodeWritableFields } from '@slipway/rpc';

// The API's snake_case node fields and the entity's properties, mapped once.

export type NodeInterfaceFields = Partial<Record<(typeof NODE_INTERFACE_FIELDS)[number], string | null>>;

const COLUMN: Record<string, keyof NodeEntity> = {
  uuid: 'uuid', name: 'name', driver: 'driver', driver_info: 'driverInfo', extra: 'extra', instance_info: 'instanceInfo', properties: 'properties',
  network_data: 'networkData', instance_uuid: 'instanceUuid', parent_node: 'parentNode', description: 'description', resource_class: 'resourceClass',
  conductor_group: 'conductorGroup', owner: 'owner', lessee: 'lessee', shard: 'shard', automated_clean: 'automatedClean',
  maintenance: 'maintenance', maintenance_reason: 'maintenanceReason', protected: 'protected', protected_reason: 'protectedReason',
  retired: 'retired', retired_reason: 'retiredReason', bios_interface: 'biosInterface', boot_interface: 'bootInterface',
  console_interface: 'consoleInterface', deploy_interface: 'deployInterface', firmware_interface: 'firmwareInterface', inspect_interface: 'inspectInterface',
  management_interface: 'managementInterface', network_interface: 'networkInterface', power_interface: 'powerInterface',
  raid_interface: 'raidInterface', rescue_interface: 'rescueInterface', storage_interface: 'storageInterface', vendor_interface: 'vendorInterface',
};

/** Entity properties for the given API fields (`chassis_uuid` is resolved separately). */
export function nodeColumns(fields: NodeWritableFields): Partial<NodeEntity> {
  const columns: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const column = COLUMN[name];
    if (column && value !== undefined) columns[column] = name === 'conductor_group' ? String(value).toLowerCase() : value;
  }
  return columns as Partial<NodeEntity>;
}

export function interfaceFieldsOf(source: NodeWritableFields | NodeEntity, fromEntity = false): NodeInterfaceFields {
  const picked: NodeInterfaceFields = {};
  for (const name of NODE_INTERFACE_FIELDS) {
    const value = fromEntity ? (source as NodeEntity)[COLUMN[name]] : (source as NodeWritableFields)[name];
    if (value !== undefined) picked[name] = value as string | null;
  }
  return picked;
}
