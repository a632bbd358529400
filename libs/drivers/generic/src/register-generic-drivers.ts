import type { DriverRegistry } from '@slipway/drivers-framework';
import { RamdiskDeployInterface } from './ramdisk-deploy.interface';

/** Registers the interfaces that work with any hardware type's power and boot interfaces. */
export function registerGenericDrivers(registry: DriverRegistry): void {
  registry.registerInterface(RamdiskDeployInterface, () => new RamdiskDeployInterface());
}
