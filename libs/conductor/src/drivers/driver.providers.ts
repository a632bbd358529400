import type { Provider } from '@nestjs/common';
import { defaultPluginRoots, discoverDriverPlugins, DriverRegistry, loadDriverPlugins } from '@slipway/drivers-framework';
import { registerFakeDrivers } from '@slipway/drivers-fake';
import { registerGenericDrivers } from '@slipway/drivers-generic';
import { registerRedfishDrivers } from '@slipway/drivers-redfish';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from '../conductor-identity';
import { INTERFACE_CONFIG, InterfaceConfig } from './interface-config';
import { NODE_INTERFACE_RESOLVER } from '../nodes/node-interface.resolver';
import { CONDUCTOR_REGISTRATION_INFO, ConductorRegistrationInfo } from '../registration/registration-info';
import { RegistryInterfaceResolver } from './registry-interface.resolver';
import { RedfishConnections } from './redfish-connections';

/**
 * The conductor's drivers: the built-in hardware types registered, then those of the installed
 * plugin packages (a `slipway` field in their package.json; docs/drivers.md), then loaded with
 * the enabled ones (SLIPWAY_ENABLED_HARDWARE_TYPES, SLIPWAY_ENABLED_<TYPE>_INTERFACES and
 * SLIPWAY_DEFAULT_<TYPE>_INTERFACE). An unknown or unusable name stops the start, named; so does
 * a broken plugin that declares an enabled name.
 */
export const driverProviders: Provider[] = [
  RedfishConnections,
  {
    provide: DriverRegistry,
    inject: [CONDUCTOR_IDENTITY, INTERFACE_CONFIG, RedfishConnections],
    useFactory: (identity: ConductorIdentity, interfaces: InterfaceConfig, redfish: RedfishConnections) => {
      const registry = new DriverRegistry();
      registerFakeDrivers(registry);
      registerGenericDrivers(registry);
      registerRedfishDrivers(registry, redfish.nodes);
      const config = { enabledHardwareTypes: identity.enabledHardwareTypes, ...interfaces };
      loadDriverPlugins(registry, discoverDriverPlugins(defaultPluginRoots(__dirname)), config);
      return registry.load(config);
    },
  },
  { provide: NODE_INTERFACE_RESOLVER, inject: [DriverRegistry], useFactory: (registry: DriverRegistry) => new RegistryInterfaceResolver(registry) },
  {
    provide: CONDUCTOR_REGISTRATION_INFO,
    inject: [DriverRegistry],
    useFactory: (registry: DriverRegistry): ConductorRegistrationInfo => ({
      hardwareTypes: registry.hardwareTypes().map((type) => type.name),
      interfaces: registry.registrationRows().map(({ default: isDefault, ...row }) => ({ ...row, isDefault })),
    }),
  },
];
