// The `slipway` field of a driver plugin's package.json: the counterpart of Ironic's setuptools
// entry points (`ironic.hardware.types`, `ironic.hardware.interfaces.<type>`). It maps names to
// modules, each `"<path inside the package>"` or `"<path>#<export>"`:
//
//   "slipway": {
//     "hardwareTypes": { "acme-hardware": "./lib/acme.hardware.js#AcmeHardware" },
//     "interfaces": { "power": { "acme-power": "./lib/acme-power.interface.js#AcmePower" } }
//   }
import { isInterfaceType, type InterfaceType } from '../interface-type';

/** One name a plugin declares, and where its class is. */
export type PluginDeclaration =
  | { kind: 'hardware type'; name: string; module: string; exportName?: string }
  | { kind: 'interface'; type: InterfaceType; name: string; module: string; exportName?: string };

/** An installed package that declares drivers. */
export interface DriverPlugin {
  packageName: string;
  version: string;
  /** The package's folder (real path). */
  dir: string;
  declarations: PluginDeclaration[];
}

const NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** Reads the `slipway` field; throws an Error saying what is wrong with it (the caller names the package). */
export function readPluginManifest(field: unknown): PluginDeclaration[] {
  if (!isPlainObject(field)) throw new Error('the "slipway" field must be an object with "hardwareTypes" and/or "interfaces"');
  const unknownKeys = Object.keys(field).filter((key) => key !== 'hardwareTypes' && key !== 'interfaces');
  if (unknownKeys.length > 0) throw new Error(`the "slipway" field has unknown keys: ${unknownKeys.join(', ')} (known: hardwareTypes, interfaces)`);
  const declarations: PluginDeclaration[] = [];
  for (const [name, reference] of entriesOf(field.hardwareTypes, 'slipway.hardwareTypes')) {
    declarations.push({ kind: 'hardware type', name: checkName(name, 'slipway.hardwareTypes'), ...moduleReference(reference, `slipway.hardwareTypes.${name}`) });
  }
  for (const [type, names] of entriesOf(field.interfaces, 'slipway.interfaces')) {
    if (!isInterfaceType(type)) throw new Error(`slipway.interfaces.${type}: ${type} is not an interface type`);
    for (const [name, reference] of entriesOf(names, `slipway.interfaces.${type}`)) {
      declarations.push({ kind: 'interface', type, name: checkName(name, `slipway.interfaces.${type}`), ...moduleReference(reference, `slipway.interfaces.${type}.${name}`) });
    }
  }
  if (declarations.length === 0) throw new Error('the "slipway" field declares no hardware type and no interface');
  return declarations;
}

/** How a declaration is named in messages: `hardware type acme-hardware`, `power interface acme-power`. */
export function describeDeclaration(declaration: PluginDeclaration): string {
  return declaration.kind === 'hardware type' ? `hardware type ${declaration.name}` : `${declaration.type} interface ${declaration.name}`;
}

function entriesOf(value: unknown, where: string): Array<[string, unknown]> {
  if (value === undefined) return [];
  if (!isPlainObject(value)) throw new Error(`${where} must be an object mapping names to modules`);
  return Object.entries(value);
}

function checkName(name: string, where: string): string {
  if (!NAME.test(name)) throw new Error(`${where}: "${name}" is not a valid name (lower-case letters, digits, "-" and "_")`);
  return name;
}

function moduleReference(reference: unknown, where: string): { module: string; exportName?: string } {
  if (typeof reference !== 'string' || reference.trim() === '') throw new Error(`${where} must be a module path such as "./lib/driver.js#ClassName"`);
  const [module, exportName, ...rest] = reference.split('#');
  if (rest.length > 0 || module === '' || exportName === '') throw new Error(`${where}: "${reference}" is not "<path>" or "<path>#<export>"`);
  if (!module.startsWith('./')) throw new Error(`${where}: "${module}" must be a path inside the package, starting with "./"`);
  return exportName === undefined ? { module } : { module, exportName };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
