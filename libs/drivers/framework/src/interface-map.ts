import type { HardwareType } from './hardware-type';
import type { InterfaceType } from './interface-type';
import type { BiosInterface } from './interfaces/bios.interface';
import type { BootInterface } from './interfaces/boot.interface';
import type { ConsoleInterface } from './interfaces/console.interface';
import type { DeployInterface } from './interfaces/deploy.interface';
import type { FirmwareInterface } from './interfaces/firmware.interface';
import type { InspectInterface } from './interfaces/inspect.interface';
import type { ManagementInterface } from './interfaces/management.interface';
import type { NetworkInterface } from './interfaces/network.interface';
import type { PowerInterface } from './interfaces/power.interface';
import type { RaidInterface } from './interfaces/raid.interface';
import type { RescueInterface } from './interfaces/rescue.interface';
import type { StorageInterface } from './interfaces/storage.interface';
import type { VendorInterface } from './interfaces/vendor.interface';

/** The contract class of each interface type. */
export interface InterfaceByType {
  bios: BiosInterface;
  boot: BootInterface;
  console: ConsoleInterface;
  deploy: DeployInterface;
  firmware: FirmwareInterface;
  inspect: InspectInterface;
  management: ManagementInterface;
  network: NetworkInterface;
  power: PowerInterface;
  raid: RaidInterface;
  rescue: RescueInterface;
  storage: StorageInterface;
  vendor: VendorInterface;
}

/**
 * An implementation class: a concrete subclass of one contract, with the static names the
 * registry files it under (`interfaceType` comes from the contract, `interfaceName` from the class).
 */
export interface InterfaceImplementation<T extends InterfaceType = InterfaceType> {
  new (...args: never[]): InterfaceByType[T];
  readonly interfaceType: T;
  readonly interfaceName: string;
  readonly name: string;
}

/** A node's driver: one implementation instance per interface type, as chosen for that node. */
export type Driver = {
  readonly hardwareType: HardwareType;
  /** The implementation name used for each interface type. */
  readonly interfaceNames: Readonly<Record<InterfaceType, string>>;
} & { readonly [T in InterfaceType]: InterfaceByType[T] };
