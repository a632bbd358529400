import { Injectable } from '@nestjs/common';
import { nodeSetTargetRaidConfig, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';
import { NodeTaskRunner } from '../tasks/node-task.runner';

/** Stores a node's target RAID configuration once its RAID interface accepts it; `{}` clears it. */
@Injectable()
export class RaidConfigHandler {
  constructor(private readonly tasks: NodeTaskRunner) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers.on(nodeSetTargetRaidConfig, (request) => this.setTarget(request));
  }

  private async setTarget({ uuid, targetRaidConfig }: RpcRequestOf<typeof nodeSetTargetRaidConfig>): Promise<Record<string, never>> {
    return this.tasks.exclusive(uuid, 'set target RAID configuration', async ({ task }) => {
      // The no-raid interface refuses with UnsupportedDriverExtension, which the api turns into 404.
      await task.driver.raid.validate(task);
      const empty = Object.keys(targetRaidConfig).length === 0;
      task.node.targetRaidConfig = empty ? {} : ((await task.driver.raid.validateRaidConfig(task, targetRaidConfig)) as unknown as Record<string, unknown>);
      return {};
    });
  }
}
