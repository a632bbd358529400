import { Inject, Injectable } from '@nestjs/common';
import { VifInvalidForAttachError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { nodeVifAttach, nodeVifDetach, nodeVifList, RpcHandlerMap, RpcRequestOf, RpcResponseOf } from '@slipway/rpc';
import { NodeTaskRunner } from '../tasks/node-task.runner';
import type { NodeTasks } from '../tasks/node-tasks.port';

/**
 * Ironic's vif_list, vif_attach and vif_detach: the node's network interface is validated, then
 * asked; listing needs no lock, attaching and detaching run under the node lock (the interface
 * records the binding on a port, which the task saves).
 */
@Injectable()
export class NodeVifHandler {
  private readonly log = getLogger('NodeVifHandler');

  constructor(@Inject(NodeTaskRunner) private readonly tasks: NodeTasks) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers
      .on(nodeVifList, (request) => this.list(request))
      .on(nodeVifAttach, (request) => this.attach(request))
      .on(nodeVifDetach, (request) => this.detach(request));
  }

  list({ uuid }: RpcRequestOf<typeof nodeVifList>): Promise<RpcResponseOf<typeof nodeVifList>> {
    return this.tasks.shared(uuid, 'list vifs', async ({ task }) => {
      await task.driver.network.validate(task);
      const vifs = await task.driver.network.vifList(task);
      return { vifs: vifs.map((vif) => ({ id: vif.id })) };
    });
  }

  async attach({ uuid, vif }: RpcRequestOf<typeof nodeVifAttach>): Promise<Record<string, never>> {
    await this.tasks.exclusive(uuid, 'attach vif', async ({ task }) => {
      await task.driver.network.validate(task);
      // Network interfaces bind VIFs to ports; none binds to a port group yet.
      if (vif.portgroupUuid !== undefined) {
        throw new VifInvalidForAttachError({ vif: vif.id, node: uuid, reason: `the ${task.node.networkInterface} network interface cannot bind a VIF to port group ${vif.portgroupUuid}.` });
      }
      await task.driver.network.vifAttach(task, vif.portUuid === undefined ? { id: vif.id } : { id: vif.id, portUuid: vif.portUuid });
    });
    this.log.info({ node: uuid, vif: vif.id }, 'vif attached');
    return {};
  }

  async detach({ uuid, vifId }: RpcRequestOf<typeof nodeVifDetach>): Promise<Record<string, never>> {
    await this.tasks.exclusive(uuid, 'detach vif', async ({ task }) => {
      await task.driver.network.validate(task);
      await task.driver.network.vifDetach(task, vifId);
    });
    this.log.info({ node: uuid, vif: vifId }, 'vif detached');
    return {};
  }
}
