import {
  HardwareType,
  NoBiosInterface,
  NoConsoleInterface,
  NoFirmwareInterface,
  NoInspectInterface,
  NoopNetworkInterface,
  NoopStorageInterface,
  NoRaidInterface,
  NoRescueInterface,
  NoVendorInterface,
  type SupportedInterfaces,
} from '@slipway/drivers-framework';
import { FakeBiosInterface } from './fake-bios.interface';
import { FakeBootInterface } from './fake-boot.interface';
import { FakeConsoleInterface } from './fake-console.interface';
import { FakeDeployInterface } from './fake-deploy.interface';
import { FakeFirmwareInterface } from './fake-firmware.interface';
import { FakeInspectInterface } from './fake-inspect.interface';
import { FakeManagementInterface } from './fake-management.interface';
import { FakePowerInterface } from './fake-power.interface';
import { FakeRaidInterface } from './fake-raid.interface';
import { FakeRescueInterface } from './fake-rescue.interface';
import { FakeStorageInterface } from './fake-storage.interface';
import { FakeVendorInterface } from './fake-vendor.interface';

/**
 * Ironic's `fake-hardware`: fakes first everywhere, the generic choices after them. Storage still
 * defaults to `noop` (Ironic's implicit storage default) and network to `noop` (no fake network
 * exists). Like Ironic, a node may pick any enabled implementation, supported or not.
 */
export class FakeHardware extends HardwareType {
  readonly name = 'fake-hardware';
  override readonly acceptsAnyEnabledInterface = true;
  readonly supportedInterfaces: SupportedInterfaces = {
    bios: [FakeBiosInterface, NoBiosInterface],
    boot: [FakeBootInterface],
    console: [FakeConsoleInterface, NoConsoleInterface],
    deploy: [FakeDeployInterface],
    firmware: [FakeFirmwareInterface, NoFirmwareInterface],
    inspect: [FakeInspectInterface, NoInspectInterface],
    management: [FakeManagementInterface],
    network: [NoopNetworkInterface],
    power: [FakePowerInterface],
    raid: [FakeRaidInterface, NoRaidInterface],
    rescue: [FakeRescueInterface, NoRescueInterface],
    storage: [FakeStorageInterface, NoopStorageInterface],
    vendor: [FakeVendorInterface, NoVendorInterface],
  };
}
