import { DriverLoadError, DriverNotFoundError, InternalError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { resolveDriverConfig, type DriverConfig, type ResolvedDriverConfig } from './driver-config';
import type { DriverInterface } from './driver-interface';
import type { JsonObject } from './driver-node';
import type { HardwareType } from './hardware-type';
import { INTERFACE_TYPES, interfaceField, type InterfaceField, type InterfaceType } from './interface-type';
import type { Driver, InterfaceByType, InterfaceImplementation } from './interface-map';
import { InterfaceSelector } from './interface-selector';
import { registerNoopInterfaces } from './register-noop-interfaces';

/** The node fields interface selection reads. */
export type NodeInterfaceSelection = {
  uuid?: string;
  driver: string;
  /** `<type>_interface` keys here override the node's fields for one deployment. */
  instanceInfo?: JsonObject;
} & Partial<Record<InterfaceField, string | null>>;

/** One row of `conductor_hardware_interfaces`. */
export interface HardwareInterfaceRow {
  hardwareType: string;
  interfaceType: InterfaceType;
  interfaceName: string;
  default: boolean;
}

/** The interface part of Ironic's driver detail (`GET /v1/drivers/{name}`). */
export type DriverInterfaceInfo = { [T in InterfaceType as `default_${T}_interface`]: string } & {
  [T in InterfaceType as `enabled_${T}_interfaces`]: string[];
};

interface Registration {
  impl: InterfaceImplementation;
  create: () => DriverInterface;
  instance?: DriverInterface;
}

interface Loaded {
  config: ResolvedDriverConfig;
  selector: InterfaceSelector;
  hardwareTypes: Map<string, HardwareType>;
  defaults: Map<string, Record<InterfaceType, string>>;
}

export interface DriverRegistryOptions {
  /** Register the framework's no-op implementations (no-bios, noop network...). True by default. */
  builtins?: boolean;
}

/**
 * Knows every hardware type and interface implementation by name, and, once loaded with a
 * conductor's config, chooses and builds the driver of a node. Callers find drivers here and
 * never import implementation classes. Built-in and third-party implementations register the
 * same way, before `load`.
 */
export class DriverRegistry {
  private readonly log = getLogger(DriverRegistry.name);
  private readonly types = new Map<string, HardwareType>();
  private readonly interfaces = new Map<InterfaceType, Map<string, Registration>>(INTERFACE_TYPES.map((type) => [type, new Map()]));
  private loaded: Loaded | undefined;

  constructor(options: DriverRegistryOptions = {}) {
    if (options.builtins ?? true) registerNoopInterfaces(this);
  }

  registerHardwareType(hardwareType: HardwareType): void {
    this.assertOpen(hardwareType.name);
    const existing = this.types.get(hardwareType.name);
    if (existing !== undefined) {
      throw new DriverLoadError({
        driver: hardwareType.name,
        reason: `${hardwareType.constructor.name} and ${existing.constructor.name} both register hardware type ${hardwareType.name}`,
      });
    }
    this.types.set(hardwareType.name, hardwareType);
  }

  hasHardwareType(name: string): boolean {
    return this.types.has(name);
  }

  hasInterface(type: InterfaceType, name: string): boolean {
    return this.table(type).has(name);
  }

  /** Registers an implementation class; `create` builds its one instance (`new impl()` by default). */
  registerInterface<T extends InterfaceType>(impl: InterfaceImplementation<T> & (new () => InterfaceByType[T])): void;
  registerInterface<T extends InterfaceType>(impl: InterfaceImplementation<T>, create: () => InterfaceByType[T]): void;
  registerInterface(impl: InterfaceImplementation, create?: () => DriverInterface): void {
    const { interfaceType: type, interfaceName: name } = impl;
    this.assertOpen(`${impl.name}`);
    const table = this.interfaces.get(type);
    if (table === undefined || typeof name !== 'string' || name === '') {
      throw new DriverLoadError({ driver: impl.name, reason: 'an implementation needs a known static interfaceType and a non-empty static interfaceName' });
    }
    const existing = table.get(name);
    if (existing !== undefined) {
      throw new DriverLoadError({ driver: name, reason: `${impl.name} and ${existing.impl.name} both register ${type} interface ${name}` });
    }
    table.set(name, { impl, create: create ?? (() => new (impl as unknown as new () => DriverInterface)()) });
  }

  /**
   * Applies a conductor's config: checks it (every problem listed in one DriverLoadError), computes
   * each hardware type's defaults (NoValidDefaultForInterface when a type has none) and builds the
   * enabled implementations. A conductor refuses to start when this throws.
   */
  load(config: DriverConfig): this {
    if (this.loaded !== undefined) throw new InternalError('The driver registry is already loaded.');
    const { resolved, problems } = resolveDriverConfig(config, {
      hardwareTypes: () => [...this.types.keys()],
      interfaceNames: (type) => [...this.table(type).keys()],
      supportedNames: (hardwareType, type) => this.supportedNames(this.types.get(hardwareType) as HardwareType, type),
    });
    if (problems.length > 0) {
      throw new DriverLoadError({ driver: problems.map((p) => p.subject).join(', '), reason: problems.map((p) => p.reason).join('; ') });
    }
    const selector = new InterfaceSelector(resolved, (type, name) => this.table(type).get(name)?.impl);
    const hardwareTypes = new Map(resolved.enabledHardwareTypes.map((name) => [name, this.types.get(name) as HardwareType]));
    const defaults = new Map<string, Record<InterfaceType, string>>();
    for (const [name, hardwareType] of hardwareTypes) {
      defaults.set(name, Object.fromEntries(INTERFACE_TYPES.map((type) => [type, selector.defaultFor(hardwareType, type)])) as Record<InterfaceType, string>);
    }
    for (const type of INTERFACE_TYPES) {
      for (const name of resolved.enabledInterfaces[type]) this.instance(type, name);
    }
    this.loaded = { config: resolved, selector, hardwareTypes, defaults };
    this.log.info({ hardwareTypes: resolved.enabledHardwareTypes, interfaces: resolved.enabledInterfaces }, 'drivers loaded');
    return this;
  }

  /** The enabled hardware types, in config order. */
  hardwareTypes(): HardwareType[] {
    return [...this.state().hardwareTypes.values()];
  }

  /** An enabled hardware type; DriverNotFound for an unknown or disabled one. */
  hardwareType(name: string): HardwareType {
    const hardwareType = this.state().hardwareTypes.get(name);
    if (hardwareType === undefined) throw new DriverNotFoundError({ driverName: name });
    return hardwareType;
  }

  enabledInterfaces(type: InterfaceType): readonly string[] {
    return this.state().config.enabledInterfaces[type];
  }

  /**
   * Every enabled interface implementation with its instance (created now if need be): where the
   * conductor finds the periodics of driver interfaces. Each implementation appears once.
   */
  interfaceInstances(): Array<{ type: InterfaceType; name: string; instance: DriverInterface }> {
    return INTERFACE_TYPES.flatMap((type) =>
      this.enabledInterfaces(type)
        .filter((name) => this.table(type).has(name))
        .map((name) => ({ type, name, instance: this.instance(type, name) })),
    );
  }

  /** The implementation each interface type gets for a node of this hardware type that names none. */
  defaultInterfaces(hardwareType: string): Readonly<Record<InterfaceType, string>> {
    this.hardwareType(hardwareType);
    return { ...(this.state().defaults.get(hardwareType) as Record<InterfaceType, string>) };
  }

  /**
   * The value of every `<type>_interface` field of a node: its own choice (checked) or the
   * default. Run on node create and update, like Ironic; instance_info overrides are not applied.
   */
  resolveInterfaces(node: NodeInterfaceSelection): Record<InterfaceType, string> {
    const hardwareType = this.hardwareType(node.driver);
    const { selector } = this.state();
    return Object.fromEntries(
      INTERFACE_TYPES.map((type) => [type, selector.select(hardwareType, type, node[interfaceField(type)], node.uuid)]),
    ) as Record<InterfaceType, string>;
  }

  /** The driver of a node: its interfaces (instance_info overrides applied), one instance each. */
  buildDriver(node: NodeInterfaceSelection): Driver {
    const hardwareType = this.hardwareType(node.driver);
    const { selector } = this.state();
    const interfaceNames = {} as Record<InterfaceType, string>;
    const instances = {} as Record<InterfaceType, DriverInterface>;
    for (const type of INTERFACE_TYPES) {
      const override = node.instanceInfo?.[`${type}_interface`];
      const requested = typeof override === 'string' && override !== '' ? override : node[interfaceField(type)];
      const name = selector.select(hardwareType, type, requested, node.uuid);
      interfaceNames[type] = name;
      instances[type] = this.instance(type, name);
    }
    return { hardwareType, interfaceNames, ...instances } as unknown as Driver;
  }

  /** The driver_info keys a hardware type reads: the union over its default implementations. */
  driverProperties(hardwareType: string): Record<string, string> {
    const defaults = this.defaultInterfaces(hardwareType);
    return Object.assign({}, ...INTERFACE_TYPES.map((type) => this.instance(type, defaults[type]).getProperties())) as Record<string, string>;
  }

  /** What a conductor registers: every enabled and supported implementation per hardware type. */
  registrationRows(): HardwareInterfaceRow[] {
    const { selector, defaults } = this.state();
    return this.hardwareTypes().flatMap((hardwareType) =>
      INTERFACE_TYPES.flatMap((type) => {
        const defaultName = (defaults.get(hardwareType.name) as Record<InterfaceType, string>)[type];
        const names = selector.enabledSupported(hardwareType, type);
        // With a configured default outside the supported list (fake-hardware accepts any), the
        // default is still usable, so it is registered too.
        if (!names.includes(defaultName)) names.push(defaultName);
        return names.map((interfaceName) => ({ hardwareType: hardwareType.name, interfaceType: type, interfaceName, default: interfaceName === defaultName }));
      }),
    );
  }

  /** `default_<type>_interface` and `enabled_<type>_interfaces` of one hardware type. */
  driverInfoFor(hardwareType: string): DriverInterfaceInfo {
    const rows = this.registrationRows().filter((row) => row.hardwareType === hardwareType);
    if (rows.length === 0) throw new DriverNotFoundError({ driverName: hardwareType });
    const info: Record<string, string | string[]> = {};
    for (const type of INTERFACE_TYPES) {
      const ofType = rows.filter((row) => row.interfaceType === type);
      info[`default_${type}_interface`] = (ofType.find((row) => row.default) as HardwareInterfaceRow).interfaceName;
      info[`enabled_${type}_interfaces`] = ofType.map((row) => row.interfaceName);
    }
    return info as DriverInterfaceInfo;
  }

  private supportedNames(hardwareType: HardwareType, type: InterfaceType): string[] {
    const table = this.table(type);
    return hardwareType
      .supported(type)
      .filter((impl) => table.get(impl.interfaceName)?.impl === impl)
      .map((impl) => impl.interfaceName);
  }

  private table(type: InterfaceType): Map<string, Registration> {
    return this.interfaces.get(type) as Map<string, Registration>;
  }

  private instance(type: InterfaceType, name: string): DriverInterface {
    const registration = this.table(type).get(name) as Registration;
    if (registration.instance === undefined) {
      try {
        registration.instance = registration.create();
      } catch (error) {
        throw new DriverLoadError({ driver: name, reason: `${type} interface ${name} could not be created: ${String(error)}` });
      }
    }
    return registration.instance;
  }

  private state(): Loaded {
    if (this.loaded === undefined) throw new InternalError('The driver registry is used before load().');
    return this.loaded;
  }

  private assertOpen(what: string): void {
    if (this.loaded !== undefined) {
      throw new DriverLoadError({ driver: what, reason: 'registrations must happen before the registry is loaded' });
    }
  }
}
