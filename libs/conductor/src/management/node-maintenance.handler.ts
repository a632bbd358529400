import { Inject, Injectable } from '@nestjs/common';
import type { NodeEntity } from '@slipway/db';
import { NodeRepository } from '@slipway/db';
import { getLogger } from '@slipway/logging';
import { nodeSetMaintenance, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';
import { NodeLockService } from '../locks/node-lock.service';

/**
 * The maintenance flag, written under the node lock (Ironic routes it through update_node):
 * entering records the reason; leaving clears the reason and the fault the conductor may have set.
 */
@Injectable()
export class NodeMaintenanceHandler {
  private readonly log = getLogger('NodeMaintenanceHandler');

  constructor(
    @Inject(NodeRepository) private readonly nodes: Pick<NodeRepository, 'update'>,
    @Inject(NodeLockService) private readonly locks: Pick<NodeLockService, 'withLock'>,
  ) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers.on(nodeSetMaintenance, (request) => this.setMaintenance(request));
  }

  async setMaintenance({ uuid, maintenance, reason }: RpcRequestOf<typeof nodeSetMaintenance>): Promise<Record<string, never>> {
    await this.locks.withLock(uuid, maintenance ? 'setting maintenance' : 'clearing maintenance', async ({ node }) => {
      const changes: Partial<NodeEntity> = maintenance ? { maintenance: true, maintenanceReason: reason } : { maintenance: false, maintenanceReason: null };
      if (!maintenance && node.maintenance) changes.fault = null;
      await this.nodes.update(node.id, changes);
      this.log.info({ node: uuid, maintenance, reason }, maintenance ? 'node in maintenance' : 'node out of maintenance');
    });
    return {};
  }
}
