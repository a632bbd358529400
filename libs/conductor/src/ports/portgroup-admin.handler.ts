import { Injectable } from '@nestjs/common';
import type { PortgroupEntity } from '@slipway/db';
import { PortgroupRepository } from '@slipway/db';
import { errorFromWire, InvalidStateError, PortgroupNotEmptyError, PortgroupNotFoundError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { portgroupDestroy, portgroupUpdate, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';
import { NodeTaskRunner } from '../tasks/node-task.runner';
import { portgroupColumns } from './port-columns';

/** Node states in which a portgroup may move to another node (or in maintenance), as in Ironic. */
const REASSIGN_STATES = ['enroll', 'inspecting', 'inspect wait', 'manageable'];

/** Updates and deletes portgroups under their node's lock: Ironic's update_portgroup and destroy_portgroup. */
@Injectable()
export class PortgroupAdminHandler {
  private readonly log = getLogger('PortgroupAdminHandler');

  constructor(
    private readonly portgroups: PortgroupRepository,
    private readonly tasks: NodeTaskRunner,
  ) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers.on(portgroupUpdate, (request) => this.update(request)).on(portgroupDestroy, (request) => this.destroy(request));
  }

  async update({ uuid, nodeUuid, changes }: RpcRequestOf<typeof portgroupUpdate>): Promise<{ uuid: string }> {
    return this.tasks.exclusive(nodeUuid, 'update portgroup', async ({ task, row }) => {
      const portgroup = await this.portgroupOf(uuid);
      const moves = portgroup.nodeId !== row.id;
      if (moves) {
        if (!REASSIGN_STATES.includes(row.provisionState) && !row.maintenance) {
          throw new InvalidStateError(
            `Portgroup ${uuid} can not be associated to node ${row.uuid} unless the node is in a ${REASSIGN_STATES.join(', ')} state or in maintenance mode.`,
          );
        }
        if ((await this.portgroups.countPorts(portgroup.id)) > 0) {
          // Ironic's PortgroupNotEmpty with its own wording for this case.
          throw errorFromWire({
            type: PortgroupNotEmptyError.code,
            message: `Portgroup ${uuid} can not be associated with node ${row.uuid} because there are ports associated with this portgroup.`,
            details: { portgroup: uuid },
          });
        }
      }
      await task.driver.network.validate(task);
      const columns: Partial<PortgroupEntity> = portgroupColumns(changes);
      if (moves) columns.nodeId = row.id;
      if (Object.keys(columns).length) await this.portgroups.update(portgroup.id, columns);
      this.log.info({ portgroup: uuid, node: nodeUuid, fields: Object.keys(changes) }, 'portgroup updated');
      return { uuid };
    });
  }

  async destroy({ uuid }: RpcRequestOf<typeof portgroupDestroy>): Promise<Record<string, never>> {
    const nodeUuid = (await this.portgroupOf(uuid)).node?.uuid;
    if (!nodeUuid) throw new PortgroupNotFoundError({ portgroup: uuid });
    return this.tasks.exclusive(nodeUuid, 'portgroup deletion', async () => {
      await this.portgroups.delete(await this.portgroupOf(uuid));
      this.log.info({ portgroup: uuid, node: nodeUuid }, 'portgroup deleted');
      return {};
    });
  }

  private async portgroupOf(uuid: string): Promise<PortgroupEntity> {
    const portgroup = await this.portgroups.findByUuid(uuid);
    if (!portgroup) throw new PortgroupNotFoundError({ portgroup: uuid });
    return portgroup;
  }
}
