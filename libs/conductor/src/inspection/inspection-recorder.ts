import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NodeInventoryRepository, PortRepository } from '@slipway/db';
import type { JsonObject } from '@slipway/drivers-framework';
import { getLogger } from '@slipway/logging';
import type { NodeTaskContext } from '../tasks/node-task.runner';

const MAC_ADDRESS = /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/;

/**
 * Keeps what an inspection found: the inventory and plugin data become the node's stored
 * inventory, and every interface MAC the conductor has no port for becomes a port of the node
 * (Ironic's `ports` hook). A MAC already on another node's port is left there, with a warning, as
 * Ironic does: moving it would take a port from a node the inspection is not about.
 */
@Injectable()
export class InspectionRecorder {
  private readonly log = getLogger('InspectionRecorder');

  constructor(
    private readonly inventories: NodeInventoryRepository,
    private readonly ports: PortRepository,
  ) {}

  async record(context: NodeTaskContext, inventory: Readonly<JsonObject>, pluginData: JsonObject = {}): Promise<void> {
    await this.inventories.save(context.row.id, inventory as JsonObject, pluginData);
    await this.createPorts(context, inventoryMacs(inventory));
  }

  private async createPorts(context: NodeTaskContext, macs: string[]): Promise<void> {
    const { row } = context;
    for (const address of macs) {
      const existing = await this.ports.findByAddress(address);
      if (existing) {
        if (existing.nodeId !== row.id) this.log.warn({ node: row.uuid, address, owner: existing.node?.uuid }, 'an inspected MAC already belongs to a port of another node; left there');
        continue;
      }
      const port = await this.ports.insert({ uuid: randomUUID(), address, nodeId: row.id, pxeEnabled: true });
      this.log.info({ node: row.uuid, port: port.uuid, address }, 'port created from inspection');
    }
  }
}

/** The valid, distinct MACs of the inventory's interfaces, lower-case. */
export function inventoryMacs(inventory: Readonly<JsonObject>): string[] {
  const interfaces = Array.isArray(inventory['interfaces']) ? (inventory['interfaces'] as unknown[]) : [];
  const macs = interfaces.map((entry) => (entry as { mac_address?: unknown } | null)?.mac_address).filter((mac): mac is string => typeof mac === 'string');
  return [...new Set(macs.map((mac) => mac.toLowerCase()).filter((mac) => MAC_ADDRESS.test(mac)))];
}
