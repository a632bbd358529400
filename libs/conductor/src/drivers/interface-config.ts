import type { DriverConfig, InterfaceType } from '@slipway/drivers-framework';

/** The enabled_<type>_interfaces and default_<type>_interface part of a conductor's driver config. */
export type InterfaceConfig = Pick<DriverConfig, 'enabledInterfaces' | 'defaultInterfaces'>;

export const INTERFACE_CONFIG = Symbol('INTERFACE_CONFIG');

/** Nothing configured: Ironic's defaults apply (IRONIC_ENABLED_INTERFACES). */
export const DEFAULT_INTERFACE_CONFIG: InterfaceConfig = Object.freeze({ enabledInterfaces: Object.freeze({}), defaultInterfaces: Object.freeze({}) });

type PerType<V> = { readonly [K in InterfaceType]?: V | undefined };

/** The conductor's interface settings as the driver registry takes them: unset types left out. */
export function interfaceConfig(conductor: { enabledInterfaces: PerType<readonly string[]>; defaultInterfaces: PerType<string> }): InterfaceConfig {
  return { enabledInterfaces: setOnly(conductor.enabledInterfaces), defaultInterfaces: setOnly(conductor.defaultInterfaces) };
}

function setOnly<V>(values: PerType<V>): Partial<Record<InterfaceType, V>> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<Record<InterfaceType, V>>;
}
