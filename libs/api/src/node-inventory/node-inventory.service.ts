import { Injectable } from '@nestjs/common';
import { NodeInventoryRepository } from '@slipway/db';
import { NodeInventoryNotFoundError, NotFoundError } from '@slipway/errors';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import type { RawQuery } from '../ports/collection-query';
import { refuseUnexpected } from '../volume/volume-list-query';

/** Stored inventories are served from 1.81. */
const INVENTORY_MIN_MINOR = 81;

/** `GET /v1/nodes/{node}/inventory`: what the last inspection found. */
@Injectable()
export class NodeInventoryService {
  constructor(
    private readonly nodes: NodesService,
    private readonly inventories: NodeInventoryRepository,
  ) {}

  async show(ident: string, raw: RawQuery, context: RequestContext): Promise<{ inventory: Record<string, unknown>; plugin_data: Record<string, unknown> }> {
    if (context.minor < INVENTORY_MIN_MINOR) throw new NotFoundError();
    refuseUnexpected(raw, []);
    const node = await this.nodes.find(ident, context.minor);
    const stored = await this.inventories.findByNodeId(node.id);
    // Ironic names the node by its internal id here; the uuid is what clients know.
    if (!stored) throw new NodeInventoryNotFoundError({ node: node.uuid });
    return { inventory: stored.inventoryData, plugin_data: stored.pluginData };
  }
}
