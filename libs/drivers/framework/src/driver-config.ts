import { INTERFACE_TYPES, isInterfaceType, type InterfaceType } from './interface-type';

/** Which drivers a conductor loads (Ironic's enabled_* and default_* options). */
export interface DriverConfig {
  enabledHardwareTypes: readonly string[];
  /**
   * Implementation names per interface type. A type left out enables every registered
   * implementation that an enabled hardware type supports (Ironic computes power and management
   * this way; Slipway does it for all types, so enabling a hardware type is enough).
   */
  enabledInterfaces: Partial<Record<InterfaceType, readonly string[]>>;
  /** Configured default per type; must be enabled. Without one, selection picks per hardware type. */
  defaultInterfaces: Partial<Record<InterfaceType, string>>;
}

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
      enabledInterfaces[type] = unique(loadable.flatMap((name) => registered.supportedNames(name, type)));
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
