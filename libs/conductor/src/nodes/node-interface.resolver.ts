import type { NodeInterfaceFields } from './node-field-mapping';

/**
 * Picks a node's interface implementations the way Ironic does (the node's own choice, else the
 * configured default, else the hardware type's first enabled one) and rejects what the conductor
 * does not enable. The driver registry implements it.
 */
export interface NodeInterfaceResolver {
  resolve(driver: string, requested: NodeInterfaceFields): NodeInterfaceFields;
  /** Refuses malformed driver_info values for the node's resolved interfaces (InvalidParameterValue). */
  checkDriverInfo(node: { uuid: string; driver: string; driverInfo: Record<string, unknown> }, interfaces: NodeInterfaceFields): void;
}

export const NODE_INTERFACE_RESOLVER = Symbol('NODE_INTERFACE_RESOLVER');
