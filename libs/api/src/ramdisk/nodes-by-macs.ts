import type { PortRepository } from '@slipway/db';

/**
 * The ids of the nodes that own a port with one of these MACs (Ironic's get_by_port_addresses
 * before it decides): none, one, or several (ports of different nodes, which lookups refuse).
 */
export async function nodeIdsByMacs(ports: PortRepository, macs: readonly string[]): Promise<number[]> {
  const found = await Promise.all(macs.map((mac) => ports.findByAddress(mac.toLowerCase())));
  return [...new Set(found.flatMap((port) => (port ? [port.nodeId] : [])))];
}
