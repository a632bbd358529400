import type { InterfaceField } from './interface-type';

/** A JSON document column (driver_info, instance_info...). */
export type JsonObject = Record<string, unknown>;

/**
 * The node as drivers see it: a plain mutable object. The conductor maps its row to this, hands it
 * to the driver inside a task, and persists the fields the driver changed. Drivers replace a JSON
 * field (`node.driverInternalInfo = {...}`) rather than edit it in place, so a change is visible
 * by reference too.
 */
export type DriverNode = {
  uuid: string;
  name: string | null;
  /** The hardware type name (Ironic keeps the legacy column name `driver`). */
  driver: string;
  driverInfo: JsonObject;
  /** Driver-private state; the API shows it read-only. */
  driverInternalInfo: JsonObject;
  instanceInfo: JsonObject;
  instanceUuid: string | null;
  properties: JsonObject;
  extra: JsonObject;
  powerState: string | null;
  targetPowerState: string | null;
  provisionState: string;
  targetProvisionState: string | null;
  maintenance: boolean;
  lastError: string | null;
  consoleEnabled: boolean;
  bootMode: string | null;
  secureBoot: boolean | null;
  raidConfig: JsonObject;
  targetRaidConfig: JsonObject;
  cleanStep: JsonObject;
  deployStep: JsonObject;
  serviceStep: JsonObject;
} & { [F in InterfaceField]: string | null };

/**
 * A port of the node. The array a task carries is read-only, the ports are not: network interfaces
 * record VIF bindings in `internalInfo`, which the conductor persists.
 */
export interface DriverPort {
  readonly uuid: string;
  readonly address: string | null;
  readonly pxeEnabled: boolean;
  readonly physicalNetwork: string | null;
  readonly localLinkConnection: JsonObject;
  internalInfo: JsonObject;
  extra: JsonObject;
}

/** A node with every field at its enrolment value; tests and the conductor's mapper start here. */
export function newDriverNode(init: Pick<DriverNode, 'uuid' | 'driver'> & Partial<DriverNode>): DriverNode {
  return {
    name: null,
    driverInfo: {},
    driverInternalInfo: {},
    instanceInfo: {},
    instanceUuid: null,
    properties: {},
    extra: {},
    powerState: null,
    targetPowerState: null,
    provisionState: 'enroll',
    targetProvisionState: null,
    maintenance: false,
    lastError: null,
    consoleEnabled: false,
    bootMode: null,
    secureBoot: null,
    raidConfig: {},
    targetRaidConfig: {},
    cleanStep: {},
    deployStep: {},
    serviceStep: {},
    biosInterface: null,
    bootInterface: null,
    consoleInterface: null,
    deployInterface: null,
    firmwareInterface: null,
    inspectInterface: null,
    managementInterface: null,
    networkInterface: null,
    powerInterface: null,
    raidInterface: null,
    rescueInterface: null,
    storageInterface: null,
    vendorInterface: null,
    ...init,
  };
}
