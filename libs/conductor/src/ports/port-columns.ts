import type { PortEntity, PortgroupEntity } from '@slipway/db';
import type { PortgroupWritableFields, PortWritableFields } from '@slipway/rpc';

// The API's snake_case port and portgroup fields and the entities' properties, mapped once.

const PORT_COLUMNS: Record<keyof PortWritableFields, keyof PortEntity> = {
  address: 'address',
  extra: 'extra',
  local_link_connection: 'localLinkConnection',
  pxe_enabled: 'pxeEnabled',
  physical_network: 'physicalNetwork',
  is_smartnic: 'isSmartnic',
};

const PORTGROUP_COLUMNS: Record<keyof PortgroupWritableFields, keyof PortgroupEntity> = {
  address: 'address',
  extra: 'extra',
  mode: 'mode',
  name: 'name',
  properties: 'properties',
  standalone_ports_supported: 'standalonePortsSupported',
};

export function portColumns(fields: PortWritableFields): Partial<PortEntity> {
  return mapColumns(fields, PORT_COLUMNS) as Partial<PortEntity>;
}

export function portgroupColumns(fields: PortgroupWritableFields): Partial<PortgroupEntity> {
  return mapColumns(fields, PORTGROUP_COLUMNS) as Partial<PortgroupEntity>;
}

function mapColumns(fields: object, columns: Record<string, string>): Record<string, unknown> {
  const mapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) if (value !== undefined && columns[name]) mapped[columns[name]] = value;
  return mapped;
}
