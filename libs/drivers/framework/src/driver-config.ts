import { INTERFACE_TYPES, isInterfaceType, type InterfaceType } from './interface-type';

/** Which drivers a conductor loads (Ironic's enabled_* and default_* options). */
export interface DriverConfig {
  enabledHardwareTypes: readonly string[];
  /**
   * Implementation names per interface type; each must be registered. A type left out gets
   * Ironic's default (IRONIC_ENABLED_INTERFACES): see resolveDriverConfig.
   */
  enabledInterfaces: Partial<Record<InterfaceType, readonly string[]>>;
  /** Configured default per type; must be enabled. Without one, selection picks per hardware type. */
  defaultInterfaces: Partial<Record<InterfaceType, string>>;
}

/**
 * Ironic's enabled_<type>_interfaces defaults. Power and management have none: Ironic computes
 * them from the enabled hardware types, and so does Slipway.
 */
export const IRONIC_ENABLED_INTERFACES: Readonly<Partial<Record<InterfaceType, readonly string[]>>> = Object.freeze({
  bios: ['no-bios', 'redfish'],
  boot: ['ipxe', 'pxe', 'redfish-virtual-media'],
  console: ['no-console'],
  deploy: ['autodetect', 'direct', 'ramdisk', 'bootc'],
  firmware: ['no-firmware'],
  inspect: ['no-inspect', 'redfish'],
  network: ['flat', 'noop'],
  raid: ['agent', 'no-raid', 'redfish'],
  rescue: ['no-rescue'],
  storage: ['cinder', 'noop'],
  vendor: ['ipmitool', 'redfish', 'no-vendor'],
});

/** What a conductor loads when nothing is configured: the fake and manual hardware types. */
export const DEFAULT_DRIVER_CONFIG: DriverConfig = Object.freeze({
  enabledHardwareTypes: Object.freeze(['fake-hardware', 'manual-management']),
  enabledInterfaces: Object.freeze({}),
  defaultInterfaces: Object.freeze({}),
});

/** The config after load: every interface type has its enabled list. */
export interface ResolvedDriverConfig {
  readonly enabledHardwareTypes: readonly string[];
  readonly enabledInterfaces: Readonly<Record<InterfaceType, readonly string[]>>;
  readonly defaultInterfaces: Readonly<Partial<Record<InterfaceType, string>>>;
}

/** One thing wrong with a config, naming what it is about. */
export interface ConfigProblem {
  subject: string;
  reason: string;
}

/** What config resolution needs to know about the registrations. */
export interface RegisteredNames {
  hardwareTypes(): readonly string[];
  interfaceNames(type: InterfaceType): readonly string[];
  /** Registered implementations that the hardware type supports, in its order. */
  supportedNames(hardwareType: string, type: InterfaceType): readonly string[];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Fills the gaps of a config and lists everything wrong with it (empty list: usable). */
export function resolveDriverConfig(config: DriverConfig, registered: RegisteredNames): { resolved: ResolvedDriverConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const knownTypes = registered.hardwareTypes();
  const hardwareTypes = unique(config.enabledHardwareTypes);
  if (hardwareTypes.length === 0) problems.push({ subject: 'enabled_hardware_types', reason: 'no hardware type is enabled' });
  for (const name of hardwareTypes.filter((candidate) => !knownTypes.includes(candidate))) {
    problems.push({ subject: name, reason: `hardware type ${name} is not registered (registered: ${knownTypes.join(', ') || 'none'})` });
  }
  const loadable = hardwareTypes.filter((name) => knownTypes.includes(name));

  for (const key of [...Object.keys(config.enabledInterfaces), ...Object.keys(config.defaultInterfaces)]) {
    if (!isInterfaceType(key)) problems.push({ subject: key, reason: `${key} is not an interface type (known: ${INTERFACE_TYPES.join(', ')})` });
  }

  const enabledInterfaces = {} as Record<InterfaceType, readonly string[]>;
  for (const type of INTERFACE_TYPES) {
    const configured = config.enabledInterfaces[type];
    if (configured === undefined) {
      enabledInterfaces[type] = defaultEnabledNames(type, loadable, registered);
      continue;
    }
    const known = registered.interfaceNames(type);
    for (const name of configured.filter((candidate) => !known.includes(candidate))) {
      problems.push({ subject: name, reason: `${type} interface ${name} is not registered (registered: ${known.join(', ') || 'none'})` });
    }
    enabledInterfaces[type] = unique(configured);
  }

  const defaultInterfaces: Partial<Record<InterfaceType, string>> = {};
  for (const type of INTERFACE_TYPES) {
    const name = config.defaultInterfaces[type];
    if (name === undefined) continue;
    if (!enabledInterfaces[type].includes(name)) {
      problems.push({
        subject: name,
        reason: `default_${type}_interface ${name} is not in enabled_${type}_interfaces (${enabledInterfaces[type].join(', ') || 'empty'})`,
      });
    }
    defaultInterfaces[type] = name;
  }

  return { resolved: { enabledHardwareTypes: loadable, enabledInterfaces, defaultInterfaces }, problems };
}

/**
 * The enabled list of a type the config leaves out. Power and management: every implementation
 * the enabled hardware types support (Ironic's computation). Other types: Ironic's default list,
 * keeping the names some package registers (Slipway does not ship PXE or the agent deploy, and a
 * default must not stop a start), plus the first choice of each enabled hardware type. Ironic
 * instead refuses to start when a hardware type has nothing enabled; adding its first choice lets
 * SLIPWAY_ENABLED_HARDWARE_TYPES alone enable a usable type, such as fake-hardware with its fakes.
 */
function defaultEnabledNames(type: InterfaceType, hardwareTypes: readonly string[], registered: RegisteredNames): string[] {
  const supported = hardwareTypes.map((name) => registered.supportedNames(name, type));
  const ironic = IRONIC_ENABLED_INTERFACES[type];
  if (ironic === undefined) return unique(supported.flat());
  const installed = registered.interfaceNames(type);
  return unique([...ironic.filter((name) => installed.includes(name)), ...supported.flatMap((names) => names.slice(0, 1))]);
}
