import { Inject, Injectable } from '@nestjs/common';
import type { BootMode, DriverTask } from '@slipway/drivers-framework';
import { NoFreeConductorWorkerError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { nodeChangeBootMode, nodeChangeSecureBoot, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';
import { NodeTaskContext, NodeTaskRunner } from '../tasks/node-task.runner';
import type { NodeTasks } from '../tasks/node-tasks.port';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Boot mode and secure boot changes (Ironic's change_node_boot_mode and change_node_secure_boot):
 * the management interface is validated and last_error cleared under the lock before the answer,
 * then the change runs in the background. A node already in the requested state is left alone;
 * success records boot_mode / secure_boot, failure records last_error.
 */
@Injectable()
export class BootModeHandler {
  private readonly log = getLogger('BootModeHandler');

  constructor(@Inject(NodeTaskRunner) private readonly tasks: NodeTasks) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers.on(nodeChangeBootMode, (request) => this.changeBootMode(request)).on(nodeChangeSecureBoot, (request) => this.changeSecureBoot(request));
  }

  async changeBootMode({ uuid, mode }: RpcRequestOf<typeof nodeChangeBootMode>): Promise<Record<string, never>> {
    await this.inBackground(uuid, 'changing node boot mode', async ({ task }) => {
      const current = await this.readOrNull(task, 'boot mode', () => task.driver.management.getBootMode(task));
      if (current === mode) return;
      try {
        await task.driver.management.setBootMode(task, mode as BootMode);
        task.node.bootMode = mode;
      } catch (error) {
        this.log.warn({ node: uuid, mode, err: error }, 'changing the boot mode failed');
        task.node.lastError = `Failed to change boot mode to '${mode}': ${errorText(error)}`;
      }
    });
    return {};
  }

  async changeSecureBoot({ uuid, enabled }: RpcRequestOf<typeof nodeChangeSecureBoot>): Promise<Record<string, never>> {
    await this.inBackground(uuid, 'changing node secure boot', async ({ task }) => {
      const current = await this.readOrNull(task, 'secure boot state', () => task.driver.management.getSecureBootState(task));
      if (current === enabled) return;
      try {
        await task.driver.management.setSecureBootState(task, enabled);
        task.node.secureBoot = enabled;
      } catch (error) {
        this.log.warn({ node: uuid, enabled, err: error }, 'changing secure boot failed');
        task.node.lastError = `Failed to change secure_boot state to '${enabled ? 'True' : 'False'}': ${errorText(error)}`;
      }
    });
    return {};
  }

  private async inBackground(uuid: string, purpose: string, work: (context: NodeTaskContext) => Promise<void>): Promise<void> {
    try {
      await this.tasks.exclusiveThenBackground(
        uuid,
        purpose,
        async ({ task }) => {
          await task.driver.management.validate(task);
          task.node.lastError = null;
        },
        work,
      );
    } catch (error) {
      if (error instanceof NoFreeConductorWorkerError) {
        await this.tasks.exclusive(uuid, purpose, async ({ task }) => {
          task.node.lastError = 'No free conductor workers available';
        });
      }
      throw error;
    }
  }

  /** What the hardware reports now, or null when it cannot tell (the change is then made anyway). */
  private async readOrNull<T>(task: DriverTask, what: string, read: () => Promise<T | null>): Promise<T | null> {
    try {
      return await read();
    } catch (error) {
      task.log.warn({ node: task.node.uuid, err: error }, `could not read the current ${what}`);
      return null;
    }
  }
}
