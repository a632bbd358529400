import type { ConductorInterfaceRow } from '@slipway/db';
import { resourceLinks } from '../common/links';
import { selectFields } from '../conductors/field-selection';
import { driverInterfaceFields } from './driver-interfaces';

/** A hardware type as the drivers endpoints know it: its name and the live conductors serving it. */
export interface ActiveHardwareType {
  name: string;
  /** Hostnames, sorted. */
  hosts: string[];
}

export interface DriverViewOptions {
  baseUrl: string;
  minor: number;
  /** With the interface fields: the rows of live conductors for this hardware type. */
  interfaces?: readonly ConductorInterfaceRow[];
  fields?: readonly string[];
}

/**
 * A driver (always a hardware type, "dynamic") as Ironic shows it at the requested version: links
 * to its properties from 1.14, its type from 1.30, and in detail the default and enabled
 * implementation of each interface type.
 */
export function driverView(driver: ActiveHardwareType, options: DriverViewOptions): Record<string, unknown> {
  const { baseUrl, minor } = options;
  const view: Record<string, unknown> = {
    name: driver.name,
    hosts: driver.hosts,
    links: resourceLinks(baseUrl, `drivers/${driver.name}`),
  };
  if (minor >= 14) view.properties = resourceLinks(baseUrl, `drivers/${driver.name}/properties`);
  if (minor >= 30) {
    view.type = 'dynamic';
    if (options.interfaces !== undefined) Object.assign(view, driverInterfaceFields(options.interfaces, minor));
  }
  return selectFields(view, options.fields);
}
