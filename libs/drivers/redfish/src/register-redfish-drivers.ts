import type { DriverRegistry } from '@slipway/drivers-framework';
import { DEFAULT_REDFISH_DRIVER_OPTIONS, type RedfishDriverOptions } from './redfish-driver-options';
import { RedfishHardware } from './redfish.hardware';
import { RedfishBiosInterface } from './redfish-bios.interface';
import { RedfishFirmwareInterface } from './redfish-firmware.interface';
import { RedfishInspectInterface } from './redfish-inspect.interface';
import { RedfishManagementInterface } from './redfish-management.interface';
import { RedfishNodes } from './redfish-nodes';
import { RedfishPowerInterface } from './redfish-power.interface';
import { RedfishRaidInterface } from './redfish-raid.interface';
import { RedfishVirtualMediaBootInterface } from './redfish-virtual-media-boot.interface';

/**
 * Registers the redfish interfaces and hardware type. They share one RedfishNodes (connection
 * pool), given or made from `options`; whoever owns it closes it when the conductor stops, which
 * logs out its sessions.
 */
export function registerRedfishDrivers(registry: DriverRegistry, nodesOrOptions: RedfishNodes | Partial<RedfishDriverOptions> = {}): RedfishNodes {
  const nodes = nodesOrOptions instanceof RedfishNodes ? nodesOrOptions : new RedfishNodes({ ...DEFAULT_REDFISH_DRIVER_OPTIONS, ...nodesOrOptions });
  registry.registerInterface(RedfishPowerInterface, () => new RedfishPowerInterface(nodes));
  registry.registerInterface(RedfishInspectInterface, () => new RedfishInspectInterface(nodes));
  registry.registerInterface(RedfishManagementInterface, () => new RedfishManagementInterface(nodes));
  registry.registerInterface(RedfishVirtualMediaBootInterface, () => new RedfishVirtualMediaBootInterface(nodes));
  registry.registerInterface(RedfishBiosInterface, () => new RedfishBiosInterface(nodes));
  registry.registerInterface(RedfishRaidInterface, () => new RedfishRaidInterface(nodes));
  registry.registerInterface(RedfishFirmwareInterface, () => new RedfishFirmwareInterface(nodes));
  registry.registerHardwareType(new RedfishHardware());
  return nodes;
}
