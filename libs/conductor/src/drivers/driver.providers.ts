import type { Provider } from '@nestjs/common';
import { DEFAULT_DRIVER_CONFIG, DriverRegistry } from '@slipway/drivers-framework';
import { registerFakeDrivers } from '@slipway/drivers-fake';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from '../conductor-identity';
import { NODE_INTERFACE_RESOLVER } from '../nodes/node-interface.resolver';
import { CONDUCTOR_REGISTRATION_INFO, ConductorRegistrationInfo } from '../registration/registration-info';
import { RegistryInterfaceResolver } from './registry-interface.resolver';

/**
 * The conductor's drivers: the built-in hardware types registered, then loaded with the enabled
 * ones (SLIPWAY_ENABLED_HARDWARE_TYPES). An unknown or unusable type stops the start, named.
 */
export const driverProviders: Provider[] = [
  {
    provide: DriverRegistry,
    inject: [CONDUCTOR_IDENTITY],
    useFactory: (identity: ConductorIdentity) => {
      const registry = new DriverRegistry();
      registerFakeDrivers(registry);
      return registry.load({ ...DEFAULT_DRIVER_CONFIG, enabledHardwareTypes: identity.enabledHardwareTypes });
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
