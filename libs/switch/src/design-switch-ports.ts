// How a site design names the switch ports a node is cabled to. Drydock's documents have no field
// for it, so a node says it in its labels, one per interface:
//
//   switch_port.<interface>: "<switch>/<port>"          e.g. switch_port.pxe: "tor-1/Ethernet1/3"
//   switch_port.<interface>: "<port>"                   when the rack has a single ToR switch
//   switch_port.<interface>: "<switch>/<port>,<switch>/<port>"   a bond cabled to two switches
//
// The switch must be a key of `tor_switches` of the node's rack (`metadata.rack`); the port is the
// switch's own name for it (for the linux-bridge driver, the interface name in its namespace).
import { InvalidParameterValueError } from '@slipway/errors';
import type { BaremetalNode, Rack } from '@slipway/site';

export const SWITCH_PORT_LABEL_PREFIX = 'switch_port.';

export interface NodeSwitchPort {
  node: string;
  /** The node's interface (a key of its `interfaces`). */
  interface: string;
  /** The interface's NetworkLink (`device_link`): its VLANs are what production configures. */
  link?: string;
  /** `<switch>/<port>`. */
  port: string;
}

/**
 * The switch ports of a node, from its `switch_port.<interface>` labels, ordered by interface.
 * Every mistake is reported at once, in one InvalidParameterValue.
 */
export function nodeSwitchPorts(node: Pick<BaremetalNode, 'name' | 'labels' | 'interfaces' | 'metadata'>, racks: readonly Rack[]): NodeSwitchPort[] {
  const labels = Object.entries(node.labels ?? {})
    .filter(([key]) => key.startsWith(SWITCH_PORT_LABEL_PREFIX))
    .sort(([a], [b]) => a.localeCompare(b));
  if (labels.length === 0) return [];
  const rack = racks.find((candidate) => candidate.name === node.metadata.rack);
  const switches = Object.keys(rack?.tor_switches ?? {});
  const problems: string[] = [];
  if (node.metadata.rack === undefined) problems.push('it has switch_port labels but no metadata.rack');
  else if (rack === undefined) problems.push(`its rack ${node.metadata.rack} is not defined`);
  else if (switches.length === 0) problems.push(`its rack ${rack.name} has no tor_switches`);

  const ports: NodeSwitchPort[] = [];
  const seen = new Set<string>();
  for (const [key, value] of labels) {
    const iface = key.slice(SWITCH_PORT_LABEL_PREFIX.length);
    const hostInterface = Object.hasOwn(node.interfaces, iface) ? node.interfaces[iface] : undefined;
    if (hostInterface === undefined) problems.push(`label ${key} names interface ${iface}, which the node does not have`);
    for (const written of String(value).split(',').map((part) => part.trim())) {
      const port = portName(written, switches);
      if (typeof port !== 'string') {
        if (rack !== undefined && switches.length > 0) problems.push(`label ${key}: ${port.problem}`);
        continue;
      }
      if (seen.has(port)) problems.push(`label ${key}: port ${port} is named twice`);
      seen.add(port);
      ports.push({ node: node.name, interface: iface, ...(hostInterface?.device_link === undefined ? {} : { link: hostInterface.device_link }), port });
    }
  }
  if (problems.length > 0) throw new InvalidParameterValueError(`Node ${node.name} names its switch ports wrongly: ${problems.join('; ')}.`);
  return ports;
}

function portName(written: string, switches: readonly string[]): string | { problem: string } {
  const slash = written.indexOf('/');
  if (slash < 0) {
    if (written === '') return { problem: 'a port name is empty' };
    if (switches.length === 1) return `${switches[0]}/${written}`;
    return { problem: `"${written}" must be <switch>/<port>: the rack has ${switches.length} ToR switches (${switches.join(', ')})` };
  }
  const switchName = written.slice(0, slash);
  if (!switches.includes(switchName)) return { problem: `"${written}": ${switchName} is not a ToR switch of the rack (${switches.join(', ')})` };
  if (slash === written.length - 1) return { problem: `"${written}" has no port after the switch` };
  return written;
}
