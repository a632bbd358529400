// Readers of iproute2's JSON output (`-j`): `ip -j -d link show` and `bridge -j vlan show`. They
// keep only what the Linux bridge switch driver needs and refuse output they do not understand
// rather than guess.
import { DriverOperationError } from '@slipway/errors';
import type { PortVlans } from './switch-port';

/** One interface of `ip -j -d link show`. */
export interface IpLink {
  ifname: string;
  /** The UP flag: the interface is administratively enabled. */
  adminUp: boolean;
  /** `operstate` as the kernel reports it (UP, DOWN, LOWERLAYERDOWN, UNKNOWN...). */
  operState: string;
  /** The bridge (or bond) the interface is enslaved to. */
  master?: string;
  /** `linkinfo.info_kind`: bridge, veth, ... */
  kind?: string;
  /** For bridges: `linkinfo.info_data.vlan_filtering` is 1. */
  vlanFiltering?: boolean;
}

/** One VLAN of a port in `bridge vlan show`: flags PVID (ingress untagged) and Egress Untagged. */
export interface BridgeVlan {
  vid: number;
  pvid: boolean;
  untagged: boolean;
}

const DRIVER = 'linux-bridge';

export function parseIpLinkShow(stdout: string): IpLink[] {
  const links = parseJson(stdout, 'ip -j -d link show');
  if (!Array.isArray(links)) throw unexpected('ip -j -d link show', 'it is not a list of interfaces');
  return links.map((link: unknown): IpLink => {
    if (!isObject(link) || typeof link['ifname'] !== 'string') throw unexpected('ip -j -d link show', `an entry has no ifname: ${JSON.stringify(link)}`);
    const flags = Array.isArray(link['flags']) ? link['flags'] : [];
    const linkinfo = isObject(link['linkinfo']) ? link['linkinfo'] : {};
    const infoData = isObject(linkinfo['info_data']) ? linkinfo['info_data'] : {};
    const parsed: IpLink = { ifname: link['ifname'], adminUp: flags.includes('UP'), operState: typeof link['operstate'] === 'string' ? link['operstate'] : 'UNKNOWN' };
    if (typeof link['master'] === 'string') parsed.master = link['master'];
    if (typeof linkinfo['info_kind'] === 'string') parsed.kind = linkinfo['info_kind'];
    if (parsed.kind === 'bridge') parsed.vlanFiltering = infoData['vlan_filtering'] === 1;
    return parsed;
  });
}

/**
 * `bridge -j vlan show` by interface name. Reads both layouts iproute2 has printed: the current
 * `[{"ifname": "p1", "vlans": [...]}]` and the older `{"p1": [...]}`; an entry is
 * `{"vlan": 100, "vlanEnd": 110, "flags": ["PVID", "Egress Untagged"]}` (vlanEnd for a range).
 * Empty output (some versions print nothing when no port has VLANs) means no VLANs.
 */
export function parseBridgeVlanShow(stdout: string): Map<string, BridgeVlan[]> {
  const ports = new Map<string, BridgeVlan[]>();
  if (stdout.trim() === '') return ports;
  const parsed = parseJson(stdout, 'bridge -j vlan show');
  let listed: Array<[unknown, unknown]>;
  if (Array.isArray(parsed)) listed = parsed.map((port: unknown) => (isObject(port) ? [port['ifname'], port['vlans'] ?? []] : [undefined, port]));
  else if (isObject(parsed)) listed = Object.entries(parsed);
  else throw unexpected('bridge -j vlan show', 'it is neither a list nor an object of ports');
  for (const [ifname, vlans] of listed) {
    if (typeof ifname !== 'string' || !Array.isArray(vlans)) throw unexpected('bridge -j vlan show', `a port entry is malformed: ${JSON.stringify([ifname, vlans])}`);
    const entries = ports.get(ifname) ?? [];
    for (const vlan of vlans) entries.push(...expandVlan(vlan));
    ports.set(ifname, entries.sort((a, b) => a.vid - b.vid));
  }
  return ports;
}

/**
 * The port view of a bridge port's VLANs: the PVID is the native VLAN; one VLAN that is PVID and
 * egress-untagged is an access port, anything else a trunk. A port without VLANs reads as an
 * access port on none.
 */
export function portVlansOf(entries: readonly BridgeVlan[]): PortVlans {
  const allowedVlans = [...new Set(entries.map((entry) => entry.vid))].sort((a, b) => a - b);
  const native = entries.find((entry) => entry.pvid)?.vid;
  const access = entries.length === 0 || (entries.length === 1 && entries[0]!.pvid && entries[0]!.untagged);
  const vlans: PortVlans = { mode: access ? 'access' : 'trunk', allowedVlans };
  if (native !== undefined) vlans.nativeVlan = native;
  return vlans;
}

function expandVlan(vlan: unknown): BridgeVlan[] {
  if (!isObject(vlan) || !Number.isInteger(vlan['vlan'])) throw unexpected('bridge -j vlan show', `a VLAN entry is malformed: ${JSON.stringify(vlan)}`);
  const start = vlan['vlan'] as number;
  const end = vlan['vlanEnd'] === undefined ? start : vlan['vlanEnd'];
  if (!Number.isInteger(end) || (end as number) < start) throw unexpected('bridge -j vlan show', `a VLAN range is malformed: ${JSON.stringify(vlan)}`);
  const flags = Array.isArray(vlan['flags']) ? vlan['flags'] : [];
  const entries: BridgeVlan[] = [];
  for (let vid = start; vid <= (end as number); vid++) {
    entries.push({ vid, pvid: flags.includes('PVID'), untagged: flags.includes('Egress Untagged') });
  }
  return entries;
}

function parseJson(stdout: string, command: string): unknown {
  try {
    return JSON.parse(stdout);
  } catch {
    throw unexpected(command, `it is not JSON: ${stdout.slice(0, 200)}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unexpected(command: string, reason: string): DriverOperationError {
  return new DriverOperationError({ driver: DRIVER, reason: `unexpected output of "${command}": ${reason}` });
}
