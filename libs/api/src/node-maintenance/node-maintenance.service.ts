import { Injectable } from '@nestjs/common';
import { nodeSetMaintenance } from '@slipway/rpc';
import { NodesService } from '../nodes/nodes.service';
import { methodArgs, stringArg } from '../node-states/method-args';
import { NodeOwnerRpcService } from '../node-states/node-owner-rpc.service';

/** `/v1/nodes/{node}/maintenance`: the flag and its reason, written by the owning conductor. */
@Injectable()
export class NodeMaintenanceService {
  constructor(
    private readonly nodes: NodesService,
    private readonly owner: NodeOwnerRpcService,
  ) {}

  async set(ident: string, body: unknown, minor: number): Promise<void> {
    const reason = stringArg('reason', methodArgs(body, ['reason']).reason) ?? null;
    const node = await this.nodes.find(ident, minor);
    await this.owner.call(node, nodeSetMaintenance, { uuid: node.uuid, maintenance: true, reason });
  }

  async unset(ident: string, body: unknown, minor: number): Promise<void> {
    methodArgs(body, []);
    const node = await this.nodes.find(ident, minor);
    await this.owner.call(node, nodeSetMaintenance, { uuid: node.uuid, maintenance: false, reason: null });
  }
}
