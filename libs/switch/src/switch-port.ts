// The values every switch driver shares: how a port is named, which VLAN ids exist, and what a
// provisioning or production request asks of a port. Drivers receive the requests already checked
// and normalised here, so the fake and the real backends refuse the same inputs with the same words.
import { InvalidParameterValueError } from '@slipway/errors';

export const VLAN_ID_MIN = 1;
export const VLAN_ID_MAX = 4094;

/**
 * A port named `<switch>/<port>`: the switch is a key of the rack's `tor_switches`, the port is
 * the switch's own name for it. Only the first `/` separates them, so a port may hold more
 * (`tor-1/Ethernet1/3`); a switch name cannot.
 */
export interface SwitchPortRef {
  /** The whole name, as callers wrote it. */
  name: string;
  switchName: string;
  portName: string;
}

export type PortMode = 'access' | 'trunk';

/** The VLAN side of a port: what a driver programs and what interrogation reads back. */
export interface PortVlans {
  /** `access`: one VLAN, untagged. `trunk`: several VLANs, or tagged ones. */
  mode: PortMode;
  /** The VLAN carried untagged (the access VLAN on an access port), when there is one. */
  nativeVlan?: number;
  /** Every VLAN the port carries, the native one included; ascending, without repeats. */
  allowedVlans: number[];
}

/** What the port reports: link state and VLAN membership. */
export interface PortState extends PortVlans {
  /** The `<switch>/<port>` name that was asked for. */
  port: string;
  /** Whether the port is enabled (`shutdown` on a switch, the UP flag on Linux). */
  adminState: 'up' | 'down';
  /** Whether the link is up; `unknown` when the backend cannot tell. */
  operState: 'up' | 'down' | 'unknown';
  /**
   * Whether the switch enforces the VLAN membership. `false`: the port forwards every frame
   * whatever its tag (a Linux bridge without VLAN filtering), and the VLAN fields say only what
   * is recorded, not what is enforced.
   */
  vlanFiltering: boolean;
  /** The bridge the port is a member of, where the backend has one (Linux: the `master` device). */
  bridge?: string;
}

/** Drydock `config_port_provisioning`: the port becomes an access port on the provisioning VLAN. */
export interface ProvisioningPortConfig {
  provisioningVlan: number;
}

/**
 * Drydock `config_port_production`: the VLANs of the node's network link. One VLAN makes an
 * access port on it; more make a trunk, with `nativeVlan` (one of them) untagged and the rest
 * tagged. A port that carries a single VLAN tagged cannot be asked for.
 */
export interface ProductionPortConfig {
  nativeVlan?: number;
  allowedVlans: number[];
}

export function parseSwitchPort(name: unknown): SwitchPortRef {
  const slash = typeof name === 'string' ? name.indexOf('/') : -1;
  if (typeof name !== 'string' || slash <= 0 || slash === name.length - 1 || /\s/.test(name)) {
    throw new InvalidParameterValueError(`Switch port ${describe(name)} must be named <switch>/<port>, e.g. "tor-1/Ethernet1/3".`);
  }
  return { name, switchName: name.slice(0, slash), portName: name.slice(slash + 1) };
}

export function isVlanId(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= VLAN_ID_MIN && (value as number) <= VLAN_ID_MAX;
}

/** Checks and normalises a provisioning request: an access port on that VLAN. */
export function provisioningVlans(config: ProvisioningPortConfig): PortVlans {
  const vlan = checkVlan(requireObject(config, 'provisioning').provisioningVlan, 'provisioningVlan');
  return { mode: 'access', nativeVlan: vlan, allowedVlans: [vlan] };
}

/** Checks and normalises a production request (see ProductionPortConfig for the rule). */
export function productionVlans(config: ProductionPortConfig): PortVlans {
  const { allowedVlans, nativeVlan } = requireObject(config, 'production');
  if (!Array.isArray(allowedVlans) || allowedVlans.length === 0) {
    throw new InvalidParameterValueError(`allowedVlans must list at least one VLAN id, got ${describe(allowedVlans)}.`);
  }
  const allowed = [...new Set(allowedVlans.map((vlan, index) => checkVlan(vlan, `allowedVlans[${index}]`)))].sort((a, b) => a - b);
  const native = nativeVlan === undefined ? undefined : checkVlan(nativeVlan, 'nativeVlan');
  if (native !== undefined && !allowed.includes(native)) {
    throw new InvalidParameterValueError(`nativeVlan ${native} must be one of allowedVlans (${allowed.join(', ')}).`);
  }
  if (allowed.length === 1) return { mode: 'access', nativeVlan: allowed[0], allowedVlans: allowed };
  return native === undefined ? { mode: 'trunk', allowedVlans: allowed } : { mode: 'trunk', nativeVlan: native, allowedVlans: allowed };
}

function checkVlan(value: unknown, field: string): number {
  if (!isVlanId(value)) {
    throw new InvalidParameterValueError(`${field} must be a VLAN id from ${VLAN_ID_MIN} to ${VLAN_ID_MAX}, got ${describe(value)}.`);
  }
  return value;
}

function requireObject<T>(config: T, kind: string): T {
  if (typeof config !== 'object' || config === null) {
    throw new InvalidParameterValueError(`The ${kind} port configuration must be an object, got ${describe(config)}.`);
  }
  return config;
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
