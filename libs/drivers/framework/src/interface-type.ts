/**
 * The thirteen capabilities a driver is made of (Ironic's ALL_INTERFACES). Order is the one Ironic
 * lists them in; registration rows and API documents follow it.
 */
export const INTERFACE_TYPES = [
  'bios',
  'boot',
  'console',
  'deploy',
  'firmware',
  'inspect',
  'management',
  'network',
  'power',
  'raid',
  'rescue',
  'storage',
  'vendor',
] as const;

export type InterfaceType = (typeof INTERFACE_TYPES)[number];

/** A hardware type must name these itself; Ironic has no do-nothing implementation for them. */
export const REQUIRED_INTERFACE_TYPES = ['boot', 'deploy', 'management', 'power'] as const;

export type RequiredInterfaceType = (typeof REQUIRED_INTERFACE_TYPES)[number];
export type OptionalInterfaceType = Exclude<InterfaceType, RequiredInterfaceType>;

/** The node field that holds the implementation name of one interface type (`powerInterface`). */
export type InterfaceField = `${InterfaceType}Interface`;

export function interfaceField(type: InterfaceType): InterfaceField {
  return `${type}Interface`;
}

export function isInterfaceType(value: string): value is InterfaceType {
  return (INTERFACE_TYPES as readonly string[]).includes(value);
}
