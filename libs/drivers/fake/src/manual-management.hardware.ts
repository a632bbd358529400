import {
  HardwareType,
  NoBiosInterface,
  NoConsoleInterface,
  NoFirmwareInterface,
  NoInspectInterface,
  NoopManagementInterface,
  NoopNetworkInterface,
  NoopStorageInterface,
  NoRaidInterface,
  NoRescueInterface,
  NoVendorInterface,
  type SupportedInterfaces,
} from '@slipway/drivers-framework';
import { FakeBootInterface } from './fake-boot.interface';
import { FakeDeployInterface } from './fake-deploy.interface';
import { FakeManagementInterface } from './fake-management.interface';
import { FakePowerInterface } from './fake-power.interface';

/**
 * Ironic's `manual-management`: an operator powers the node and sets its boot order by hand, so
 * management is `noop` (then `fake`) and power is `fake`. Ironic lists `agent` power first and
 * the PXE/iPXE boot and agent deploy families; until those exist here, boot and deploy are the
 * fakes, and they move behind the real ones when those are written.
 */
export class ManualManagementHardware extends HardwareType {
  readonly name = 'manual-management';
  readonly supportedInterfaces: SupportedInterfaces = {
    bios: [NoBiosInterface],
    boot: [FakeBootInterface],
    console: [NoConsoleInterface],
    deploy: [FakeDeployInterface],
    firmware: [NoFirmwareInterface],
    inspect: [NoInspectInterface],
    management: [NoopManagementInterface, FakeManagementInterface],
    network: [NoopNetworkInterface],
    power: [FakePowerInterface],
    raid: [NoRaidInterface],
    rescue: [NoRescueInterface],
    storage: [NoopStorageInterface],
    vendor: [NoVendorInterface],
  };
}
