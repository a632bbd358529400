import { DriverLoadError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { join } from 'node:path';
import type { DriverConfig } from '../driver-config';
import type { DriverRegistry } from '../driver-registry';
import type { HardwareType } from '../hardware-type';
import type { InterfaceImplementation } from '../interface-map';
import type { PluginProblem } from './plugin-discovery';
import { describeDeclaration, type DriverPlugin, type PluginDeclaration } from './plugin-manifest';
import { provideFrameworkToPlugins } from './provide-framework';

export interface PluginLoadReport {
  loaded: Array<{ packageName: string; version: string; names: string[] }>;
  skipped: Array<{ packageName: string; reason: string }>;
}

/** Loads a module of a plugin (tests pass their own). */
export type PluginRequire = (path: string) => unknown;

const BUILT_IN = "Slipway's built-in drivers";

/**
 * Registers the hardware types and interfaces of the discovered plugins, each plugin all or
 * nothing. A plugin that cannot be read, fails to load, exports something that is not what it
 * declares, or declares a name already taken is a problem named with its package: when the config
 * enables one of its names (a hardware type in enabled_hardware_types, an interface named in
 * enabled_/default_<type>_interface), the conductor must not start, so this throws a
 * DriverLoadError; otherwise the plugin is skipped with a warning.
 */
export function loadDriverPlugins(
  registry: DriverRegistry,
  discovered: { plugins: readonly DriverPlugin[]; problems: readonly PluginProblem[] },
  config: DriverConfig,
  load: PluginRequire = require,
): PluginLoadReport {
  const log = getLogger('DriverPlugins');
  provideFrameworkToPlugins();
  const report: PluginLoadReport = { loaded: [], skipped: [] };
  const owners = new Map<string, string>();
  const refuseOrSkip = (packageName: string, reason: string, enabled: boolean) => {
    if (enabled) throw new DriverLoadError({ driver: `plugin package ${packageName}`, reason });
    log.warn({ package: packageName, reason }, `driver plugin ${packageName} skipped: ${reason}`);
    report.skipped.push({ packageName, reason });
  };

  for (const problem of discovered.problems) refuseOrSkip(problem.packageName, problem.reason, problem.names?.some((name) => enablesName(config, name)) ?? false);

  for (const plugin of discovered.plugins) {
    const enabled = plugin.declarations.some((declaration) => isEnabled(config, declaration));
    let registrations: Array<() => void>;
    try {
      registrations = plugin.declarations.map((declaration) => prepare(registry, plugin, declaration, owners, load));
    } catch (error) {
      refuseOrSkip(plugin.packageName, (error as Error).message, enabled);
      continue;
    }
    for (const register of registrations) register();
    const names = plugin.declarations.map(describeDeclaration);
    for (const declaration of plugin.declarations) owners.set(ownerKey(declaration), plugin.packageName);
    report.loaded.push({ packageName: plugin.packageName, version: plugin.version, names });
    log.info({ package: plugin.packageName, version: plugin.version, declares: names }, 'driver plugin loaded');
  }
  return report;
}

/** Checks one declaration and returns how to register it; throws an Error saying what is wrong. */
function prepare(registry: DriverRegistry, plugin: DriverPlugin, declaration: PluginDeclaration, owners: Map<string, string>, load: PluginRequire): () => void {
  const what = describeDeclaration(declaration);
  const taken = declaration.kind === 'hardware type' ? registry.hasHardwareType(declaration.name) : registry.hasInterface(declaration.type, declaration.name);
  if (taken) throw new Error(`it declares ${what}, which ${owners.get(ownerKey(declaration)) ?? BUILT_IN} already registered`);
  const exported = exportOf(plugin, declaration, load);
  if (typeof exported !== 'function') throw new Error(`${declaration.module} does not export a class for ${what}`);

  if (declaration.kind === 'hardware type') {
    let instance: HardwareType;
    try {
      instance = new (exported as new () => HardwareType)();
    } catch (error) {
      throw new Error(`${what}: its constructor failed: ${(error as Error).message}`);
    }
    if (typeof instance.supported !== 'function' || typeof instance.supportedInterfaces !== 'object') {
      throw new Error(`${declaration.module} exports ${exported.name || 'a class'} for ${what}, which does not extend HardwareType`);
    }
    if (instance.name !== declaration.name) throw new Error(`${declaration.module} exports hardware type "${instance.name}" where package.json declares ${declaration.name}`);
    return () => registry.registerHardwareType(instance);
  }

  const impl = exported as InterfaceImplementation & { prototype: Record<string, unknown> };
  if (typeof impl.prototype?.validate !== 'function' || typeof impl.prototype?.getProperties !== 'function') {
    throw new Error(`${declaration.module} exports ${impl.name || 'a class'} for ${what}, which does not extend a ${declaration.type} interface (no validate/getProperties)`);
  }
  if (impl.interfaceType !== declaration.type || impl.interfaceName !== declaration.name) {
    throw new Error(`${declaration.module} exports the ${String(impl.interfaceType)} interface "${String(impl.interfaceName)}" where package.json declares ${what}`);
  }
  return () => registry.registerInterface(impl as InterfaceImplementation & (new () => never));
}

function exportOf(plugin: DriverPlugin, declaration: PluginDeclaration, load: PluginRequire): unknown {
  let loaded: unknown;
  try {
    loaded = load(join(plugin.dir, declaration.module));
  } catch (error) {
    throw new Error(`${declaration.module} failed to load: ${(error as Error).message}`);
  }
  const namespace = loaded as Record<string, unknown> | undefined;
  if (declaration.exportName !== undefined) {
    if (namespace?.[declaration.exportName] === undefined) throw new Error(`${declaration.module} has no export ${declaration.exportName}`);
    return namespace[declaration.exportName];
  }
  return typeof loaded === 'function' ? loaded : namespace?.default;
}

function isEnabled(config: DriverConfig, declaration: PluginDeclaration): boolean {
  if (declaration.kind === 'hardware type') return config.enabledHardwareTypes.includes(declaration.name);
  return (config.enabledInterfaces[declaration.type] ?? []).includes(declaration.name) || config.defaultInterfaces[declaration.type] === declaration.name;
}

/** For a plugin whose declarations could not be read: does the config name this anywhere? */
function enablesName(config: DriverConfig, name: string): boolean {
  return (
    config.enabledHardwareTypes.includes(name) ||
    Object.values(config.enabledInterfaces).some((names) => names?.includes(name)) ||
    Object.values(config.defaultInterfaces).includes(name)
  );
}

function ownerKey(declaration: PluginDeclaration): string {
  return declaration.kind === 'hardware type' ? `hardware-type:${declaration.name}` : `${declaration.type}:${declaration.name}`;
}
