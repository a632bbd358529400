import { IncompatibleInterfaceError, InterfaceNotFoundInEntrypointError, NoValidDefaultForInterfaceError } from '@slipway/errors';
import type { ResolvedDriverConfig } from './driver-config';
import type { HardwareType } from './hardware-type';
import type { InterfaceType } from './interface-type';
import type { InterfaceImplementation } from './interface-map';

/** Ironic falls back to these when no default is configured, before looking at the hardware type. */
const IMPLICIT_DEFAULTS: Partial<Record<InterfaceType, string>> = { storage: 'noop' };

/** Finds the registered class behind an implementation name. */
export type ImplementationLookup = (type: InterfaceType, name: string) => InterfaceImplementation | undefined;

/**
 * Ironic's interface selection rules (driver_factory): which implementation a node gets for each
 * interface type, and which names a node may ask for.
 */
export class InterfaceSelector {
  constructor(
    private readonly config: ResolvedDriverConfig,
    private readonly lookup: ImplementationLookup,
  ) {}

  /** Names that are enabled and supported by the hardware type, in its order of preference. */
  enabledSupported(hardwareType: HardwareType, type: InterfaceType): string[] {
    const enabled = this.config.enabledInterfaces[type];
    // A listed class counts only if it is the one registered under its name.
    const names = hardwareType
      .supported(type)
      .filter((impl) => enabled.includes(impl.interfaceName) && this.lookup(type, impl.interfaceName) === impl)
      .map((impl) => impl.interfaceName);
    return [...new Set(names)];
  }

  /** Throws unless a node of this hardware type may use the named implementation. */
  check(hardwareType: HardwareType, type: InterfaceType, name: string): void {
    const enabled = this.config.enabledInterfaces[type];
    const impl = enabled.includes(name) ? this.lookup(type, name) : undefined;
    if (impl === undefined) {
      throw new InterfaceNotFoundInEntrypointError({ entrypoint: `ironic.hardware.interfaces.${type}`, iface: name, valid: [...enabled] });
    }
    if (!this.isCompatible(hardwareType, type, impl)) {
      throw new IncompatibleInterfaceError({ interfaceType: type, interfaceImpl: name, hardwareType: hardwareType.name });
    }
  }

  /** The implementation a node gets when it names none (`node` only serves the error message). */
  defaultFor(hardwareType: HardwareType, type: InterfaceType, node?: string): string {
    const noDefault = () => new NoValidDefaultForInterfaceError({ node, driver: hardwareType.name, interfaceType: type });
    const configured = this.config.defaultInterfaces[type];
    if (configured !== undefined) {
      if (!this.isUsable(hardwareType, type, configured)) throw noDefault();
      return configured;
    }
    const implicit = IMPLICIT_DEFAULTS[type];
    // Ironic would fail when the implicit default is not enabled; Slipway moves on to the
    // hardware type's own order instead, so disabling `noop` storage is a valid choice.
    if (implicit !== undefined && this.isUsable(hardwareType, type, implicit)) return implicit;
    const first = this.enabledSupported(hardwareType, type)[0];
    if (first === undefined) throw noDefault();
    return first;
  }

  /** The node's own choice when it has one (checked), else the default. */
  select(hardwareType: HardwareType, type: InterfaceType, requested: string | null | undefined, node?: string): string {
    if (requested !== null && requested !== undefined && requested !== '') {
      this.check(hardwareType, type, requested);
      return requested;
    }
    return this.defaultFor(hardwareType, type, node);
  }

  private isUsable(hardwareType: HardwareType, type: InterfaceType, name: string): boolean {
    const impl = this.config.enabledInterfaces[type].includes(name) ? this.lookup(type, name) : undefined;
    return impl !== undefined && this.isCompatible(hardwareType, type, impl);
  }

  private isCompatible(hardwareType: HardwareType, type: InterfaceType, impl: InterfaceImplementation): boolean {
    return hardwareType.acceptsAnyEnabledInterface || hardwareType.supported(type).includes(impl as never);
  }
}
