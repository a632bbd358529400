import type { DriverRegistry } from '@slipway/drivers-framework';
import { FakeBehaviour, type Sleep } from './fake-behaviour';
import { FakeBiosInterface } from './fake-bios.interface';
import { FakeBootInterface } from './fake-boot.interface';
import { FakeConsoleInterface } from './fake-console.interface';
import { FakeDeployInterface } from './fake-deploy.interface';
import { FakeFirmwareInterface } from './fake-firmware.interface';
import { FakeHardware } from './fake.hardware';
import { FakeInspectInterface } from './fake-inspect.interface';
import { FakeManagementInterface } from './fake-management.interface';
import { FakePowerInterface } from './fake-power.interface';
import { FakeRaidInterface } from './fake-raid.interface';
import { FakeRescueInterface } from './fake-rescue.interface';
import { FakeStorageInterface } from './fake-storage.interface';
import { FakeVendorInterface } from './fake-vendor.interface';
import { ManualManagementHardware } from './manual-management.hardware';

export interface FakeDriverOptions {
  /** How `fake_delay` waits; tests pass a recorder instead of the real timer. */
  sleep?: Sleep;
}

/** Registers the fake interfaces and the `fake-hardware` and `manual-management` hardware types. */
export function registerFakeDrivers(registry: DriverRegistry, options: FakeDriverOptions = {}): void {
  const fake = new FakeBehaviour(options.sleep);
  registry.registerInterface(FakeBiosInterface, () => new FakeBiosInterface(fake));
  registry.registerInterface(FakeBootInterface, () => new FakeBootInterface(fake));
  registry.registerInterface(FakeConsoleInterface, () => new FakeConsoleInterface(fake));
  registry.registerInterface(FakeDeployInterface, () => new FakeDeployInterface(fake));
  registry.registerInterface(FakeFirmwareInterface, () => new FakeFirmwareInterface(fake));
  registry.registerInterface(FakeInspectInterface, () => new FakeInspectInterface(fake));
  registry.registerInterface(FakeManagementInterface, () => new FakeManagementInterface(fake));
  registry.registerInterface(FakePowerInterface, () => new FakePowerInterface(fake));
  registry.registerInterface(FakeRaidInterface, () => new FakeRaidInterface(fake));
  registry.registerInterface(FakeRescueInterface, () => new FakeRescueInterface(fake));
  registry.registerInterface(FakeStorageInterface, () => new FakeStorageInterface(fake));
  registry.registerInterface(FakeVendorInterface, () => new FakeVendorInterface(fake));
  registry.registerHardwareType(new FakeHardware());
  registry.registerHardwareType(new ManualManagementHardware());
}
