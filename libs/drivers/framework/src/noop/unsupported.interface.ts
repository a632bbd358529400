import type { StepOutcome } from '../steps/step.types';
import { BiosInterface, type BiosSetting } from '../interfaces/bios.interface';
import { ConsoleInterface, type ConsoleInfo } from '../interfaces/console.interface';
import { FirmwareInterface } from '../interfaces/firmware.interface';
import { InspectInterface } from '../interfaces/inspect.interface';
import { RaidInterface } from '../interfaces/raid.interface';
import { RescueInterface } from '../interfaces/rescue.interface';
import { VendorInterface } from '../interfaces/vendor.interface';
import type { DriverTask } from '../task';
import { unsupported } from '../unsupported';

// The "no-<type>" implementations of the optional interface types: every call, validate included,
// answers UnsupportedDriverExtension, which node validation reports as "not supported".

export class NoBiosInterface extends BiosInterface {
  static readonly interfaceName: string = 'no-bios';
  getProperties(): Record<string, string> {
    return {};
  }
  async validate(task: DriverTask): Promise<void> {
    unsupported(task, 'bios');
  }
  async applyConfiguration(task: DriverTask): Promise<StepOutcome> {
    return unsupported(task, 'bios');
  }
  async factoryReset(task: DriverTask): Promise<StepOutcome> {
    return unsupported(task, 'bios');
  }
  async cacheBiosSettings(task: DriverTask): Promise<BiosSetting[]> {
    return unsupported(task, 'bios');
  }
}

export class NoConsoleInterface extends ConsoleInterface {
  static readonly interfaceName: string = 'no-console';
  getProperties(): Record<string, string> {
    return {};
  }
  async validate(task: DriverTask): Promise<void> {
    unsupported(task, 'console');
  }
  async startConsole(task: DriverTask): Promise<void> {
    unsupported(task, 'console');
  }
  async stopConsole(task: DriverTask): Promise<void> {
    unsupported(task, 'console');
  }
  async getConsole(task: DriverTask): Promise<ConsoleInfo> {
    return unsupported(task, 'console');
  }
}

export class NoFirmwareInterface extends FirmwareInterface {
  static readonly interfaceName: string = 'no-firmware';
  getProperties(): Record<string, string> {
    return {};
  }
  async validate(task: DriverTask): Promise<void> {
    unsupported(task, 'firmware');
  }
  async update(task: DriverTask): Promise<StepOutcome> {
    return unsupported(task, 'firmware');
  }
}

export class NoInspectInterface extends InspectInterface {
  static readonly interfaceName: string = 'no-inspect';
  getProperties(): Record<string, string> {
    return {};
  }
  async validate(task: DriverTask): Promise<void> {
    unsupported(task, 'inspect');
  }
  async inspectHardware(task: DriverTask): Promise<StepOutcome> {
    return unsupported(task, 'inspect');
  }
}

export class NoRaidInterface extends RaidInterface {
  static readonly interfaceName: string = 'no-raid';
  getProperties(): Record<string, string> {
    return {};
  }
  async validate(task: DriverTask): Promise<void> {
    unsupported(task, 'raid');
  }
  async createConfiguration(task: DriverTask): Promise<StepOutcome> {
    return unsupported(task, 'raid');
  }
  async deleteConfiguration(task: DriverTask): Promise<StepOutcome> {
    return unsupported(task, 'raid');
  }
  override async validateRaidConfig(task: DriverTask): Promise<never> {
    return unsupported(task, 'raid');
  }
}

export class NoRescueInterface extends RescueInterface {
  static readonly interfaceName: string = 'no-rescue';
  getProperties(): Record<string, string> {
    return {};
  }
  async validate(task: DriverTask): Promise<void> {
    unsupported(task, 'rescue');
  }
  async rescue(task: DriverTask): Promise<StepOutcome> {
    return unsupported(task, 'rescue');
  }
  async unrescue(task: DriverTask): Promise<void> {
    unsupported(task, 'rescue');
  }
}

export class NoVendorInterface extends VendorInterface {
  static readonly interfaceName: string = 'no-vendor';
  getProperties(): Record<string, string> {
    return {};
  }
  async validate(task: DriverTask): Promise<void> {
    unsupported(task, 'vendor');
  }
}
