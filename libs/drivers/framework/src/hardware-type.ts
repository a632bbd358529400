import type { InterfaceType, OptionalInterfaceType, RequiredInterfaceType } from './interface-type';
import type { InterfaceImplementation } from './interface-map';
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

/**
 * Per interface type, the implementation classes a hardware type works with, best first. The
 * order matters: without a configured default, a node gets the first one that is enabled.
 */
export type SupportedInterfaces = { readonly [T in RequiredInterfaceType]: readonly InterfaceImplementation<T>[] } & {
  readonly [T in OptionalInterfaceType]?: readonly InterfaceImplementation<T>[];
};

/** What an optional interface type falls back to when a hardware type does not list it. */
export const DEFAULT_SUPPORTED_INTERFACES: { readonly [T in OptionalInterfaceType]: readonly InterfaceImplementation<T>[] } = {
  bios: [NoBiosInterface],
  console: [NoConsoleInterface],
  firmware: [NoFirmwareInterface],
  inspect: [NoInspectInterface],
  network: [NoopNetworkInterface],
  raid: [NoRaidInterface],
  rescue: [NoRescueInterface],
  storage: [NoopStorageInterface],
  vendor: [NoVendorInterface],
};

/**
 * A family of hardware driven the same way (Ironic's hardware type). It only composes: it names
 * the implementations it supports and holds no behaviour of its own.
 */
export abstract class HardwareType {
  /** The name operators enable and nodes carry in their `driver` field. */
  abstract readonly name: string;

  abstract readonly supportedInterfaces: SupportedInterfaces;

  /**
   * Ironic special-cases its fake hardware type: a node may use any enabled implementation, so
   * tests can combine fakes with real interfaces. The supported lists then only give the defaults.
   */
  readonly acceptsAnyEnabledInterface: boolean = false;

  supported<T extends InterfaceType>(type: T): readonly InterfaceImplementation<T>[] {
    const listed = (this.supportedInterfaces as Partial<Record<InterfaceType, readonly InterfaceImplementation[]>>)[type];
    const fallback = (DEFAULT_SUPPORTED_INTERFACES as Partial<Record<InterfaceType, readonly InterfaceImplementation[]>>)[type];
    return (listed ?? fallback ?? []) as readonly InterfaceImplementation<T>[];
  }
}
