import type { DriverRegistry } from './driver-registry';
import { NoopManagementInterface } from './noop/noop-management.interface';
import { NoopNetworkInterface } from './noop/noop-network.interface';
import { NoopStorageInterface } from './noop/noop-storage.interface';
import {
  NoBiosInterface,
  NoConsoleInterface,
  NoFirmwareInterface,
  NoInspectInterface,
  NoRaidInterface,
  NoRescueInterface,
  NoVendorInterface,
} from './noop/unsupported.interface';

/** The framework's own implementations, registered through the public API like any plugin's. */
export function registerNoopInterfaces(registry: DriverRegistry): void {
  registry.registerInterface(NoBiosInterface);
  registry.registerInterface(NoConsoleInterface);
  registry.registerInterface(NoFirmwareInterface);
  registry.registerInterface(NoInspectInterface);
  registry.registerInterface(NoRaidInterface);
  registry.registerInterface(NoRescueInterface);
  registry.registerInterface(NoVendorInterface);
  registry.registerInterface(NoopNetworkInterface);
  registry.registerInterface(NoopStorageInterface);
  registry.registerInterface(NoopManagementInterface);
}
