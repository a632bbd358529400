import { HardwareType, NoBiosInterface, NoFirmwareInterface, NoInspectInterface, NoRaidInterface, NoVendorInterface, type SupportedInterfaces } from '@slipway/drivers-framework';
import { RamdiskDeployInterface } from '@slipway/drivers-generic';
import { RedfishBiosInterface } from './redfish-bios.interface';
import { RedfishFirmwareInterface } from './redfish-firmware.interface';
import { RedfishInspectInterface } from './redfish-inspect.interface';
import { RedfishManagementInterface } from './redfish-management.interface';
import { RedfishPowerInterface } from './redfish-power.interface';
import { RedfishRaidInterface } from './redfish-raid.interface';
import { RedfishVirtualMediaBootInterface } from './redfish-virtual-media-boot.interface';

/**
 * Ironic's `redfish` hardware type: servers driven through their BMC's Redfish service. Deploys
 * boot an image over virtual media (the ramdisk deploy needs no agent); the optional interfaces
 * fall back to their no-op versions when not enabled.
 */
export class RedfishHardware extends HardwareType {
  readonly name = 'redfish';
  readonly supportedInterfaces: SupportedInterfaces = {
    bios: [RedfishBiosInterface, NoBiosInterface],
    boot: [RedfishVirtualMediaBootInterface],
    deploy: [RamdiskDeployInterface],
    firmware: [RedfishFirmwareInterface, NoFirmwareInterface],
    inspect: [RedfishInspectInterface, NoInspectInterface],
    management: [RedfishManagementInterface],
    power: [RedfishPowerInterface],
    raid: [RedfishRaidInterface, NoRaidInterface],
    vendor: [NoVendorInterface],
  };
}
