// Small implementations for the framework's own tests (the framework cannot use the fake lib,
// which depends on it). Each keeps just enough state to tell instances apart.
import { getLogger } from '@slipway/logging';
import type { DriverNode, DriverPort } from '../driver-node';
import { HardwareType, type SupportedInterfaces } from '../hardware-type';
import { BiosInterface, type BiosSetting } from '../interfaces/bios.interface';
import { BootInterface } from '../interfaces/boot.interface';
import { DeployInterface } from '../interfaces/deploy.interface';
import { ManagementInterface, type BootDeviceInfo } from '../interfaces/management.interface';
import { PowerInterface } from '../interfaces/power.interface';
import { StorageInterface } from '../interfaces/storage.interface';
import type { BootDevice, PowerState } from '../hardware.constants';
import type { Driver } from '../interface-map';
import { NoBiosInterface } from '../noop/unsupported.interface';
import { NoopManagementInterface } from '../noop/noop-management.interface';
import { NoopStorageInterface } from '../noop/noop-storage.interface';
import { deployStep } from '../steps/step.decorators';
import type { StepOutcome } from '../steps/step.types';
import type { DriverTask } from '../task';

export class SamplePowerInterface extends PowerInterface {
  static readonly interfaceName: string = 'sample';
  getProperties(): Record<string, string> {
    return { sample_address: 'Where the sample BMC listens. Required.' };
  }
  async validate(): Promise<void> {}
  async getPowerState(): Promise<PowerState> {
    return 'power off';
  }
  async setPowerState(): Promise<void> {}
  async reboot(): Promise<void> {}
}

export class AltPowerInterface extends SamplePowerInterface {
  static override readonly interfaceName = 'alt';
}

/** Registered but supported by no sample hardware type. */
export class ThirdPowerInterface extends SamplePowerInterface {
  static override readonly interfaceName = 'third';
}

export class SampleBootInterface extends BootInterface {
  static readonly interfaceName: string = 'sample';
  getProperties(): Record<string, string> {
    return { sample_kernel: 'Kernel to boot. Optional.' };
  }
  async validate(): Promise<void> {}
  async prepareRamdisk(): Promise<void> {}
  async cleanUpRamdisk(): Promise<void> {}
  async prepareInstance(): Promise<void> {}
  async cleanUpInstance(): Promise<void> {}
}

export class SampleDeployInterface extends DeployInterface {
  static readonly interfaceName: string = 'sample';
  getProperties(): Record<string, string> {
    return {};
  }
  async validate(): Promise<void> {}
  @deployStep({ priority: 100 })
  async deploy(): Promise<StepOutcome> {}
  async tearDown(): Promise<void> {}
  async prepare(): Promise<void> {}
  async cleanUp(): Promise<void> {}
  async takeOver(): Promise<void> {}
}

export class SampleManagementInterface extends ManagementInterface {
  static readonly interfaceName: string = 'sample';
  getProperties(): Record<string, string> {
    return {};
  }
  async validate(): Promise<void> {}
  async getSupportedBootDevices(): Promise<BootDevice[]> {
    return ['pxe'];
  }
  async setBootDevice(): Promise<void> {}
  async getBootDevice(): Promise<BootDeviceInfo> {
    return { bootDevice: 'pxe', persistent: false };
  }
}

export class SampleBiosInterface extends BiosInterface {
  static readonly interfaceName: string = 'sample';
  getProperties(): Record<string, string> {
    return { sample_bios_password: 'BIOS password. Optional.' };
  }
  async validate(): Promise<void> {}
  async applyConfiguration(): Promise<StepOutcome> {}
  async factoryReset(): Promise<StepOutcome> {}
  async cacheBiosSettings(): Promise<BiosSetting[]> {
    return [];
  }
}

export class SampleStorageInterface extends StorageInterface {
  static readonly interfaceName: string = 'sample';
  getProperties(): Record<string, string> {
    return {};
  }
  async validate(): Promise<void> {}
  async attachVolumes(): Promise<void> {}
  async detachVolumes(): Promise<void> {}
  shouldWriteImage(): boolean {
    return false;
  }
}

export class SampleHardware extends HardwareType {
  readonly name = 'sample-hardware';
  readonly supportedInterfaces: SupportedInterfaces = {
    bios: [SampleBiosInterface, NoBiosInterface],
    boot: [SampleBootInterface],
    deploy: [SampleDeployInterface],
    management: [SampleManagementInterface, NoopManagementInterface],
    power: [SamplePowerInterface, AltPowerInterface],
    storage: [SampleStorageInterface, NoopStorageInterface],
  };
}

/** Takes any enabled implementation, like Ironic's fake-hardware. */
export class PermissiveHardware extends HardwareType {
  readonly name = 'permissive-hardware';
  override readonly acceptsAnyEnabledInterface = true;
  readonly supportedInterfaces: SupportedInterfaces = {
    boot: [SampleBootInterface],
    deploy: [SampleDeployInterface],
    management: [SampleManagementInterface],
    power: [SamplePowerInterface],
  };
}

export const sampleLog = getLogger('sample-driver-test');

export function sampleTask(node: DriverNode, driver: Driver, options: { shared?: boolean; ports?: DriverPort[] } = {}): DriverTask {
  return { node, driver, shared: options.shared ?? false, ports: options.ports ?? [], log: sampleLog };
}
