import { DriverRegistry, INTERFACE_TYPES, type Driver, InterfaceType, interfaceField } from '@slipway/drivers-framework';
import { NODE_INTERFACE_FIELDS } from '@slipway/rpc';
import type { NodeInterfaceFields } from '../nodes/node-field-mapping';
import { NodeInterfaceResolver } from '../nodes/node-interface.resolver';

/**
 * Interface selection by the conductor's driver registry, in the API's field names. Every
 * interface type is filled, firmware included, whatever the API version of the request: the
 * version only decides what a client sees (firmware_interface from 1.86), as in Ironic.
 */
export class RegistryInterfaceResolver implements NodeInterfaceResolver {
  constructor(private readonly registry: DriverRegistry) {}

  resolve(driver: string, requested: NodeInterfaceFields): NodeInterfaceFields {
    const selection = Object.fromEntries(INTERFACE_TYPES.map((type) => [interfaceField(type), requested[apiField(type)] ?? null]));
    const resolved = this.registry.resolveInterfaces({ driver, ...selection });
    return Object.fromEntries(NODE_INTERFACE_FIELDS.map((field) => [field, resolved[field.replace(/_interface$/, '') as InterfaceType]]));
  }

  checkDriverInfo(node: { uuid: string; driver: string; driverInfo: Record<string, unknown> }, interfaces: NodeInterfaceFields): void {
    const selection = Object.fromEntries(INTERFACE_TYPES.map((type) => [interfaceField(type), interfaces[apiField(type)] ?? null]));
    let driver: Driver;
    try {
      driver = this.registry.buildDriver({ driver: node.driver, ...selection });
    } catch {
      // Interfaces this conductor does not load: nothing here can judge the values.
      return;
    }
    for (const type of INTERFACE_TYPES) driver[type].checkDriverInfo?.(node);
  }
}

function apiField(type: InterfaceType): keyof NodeInterfaceFields {
  return `${type}_interface` as keyof NodeInterfaceFields;
}
