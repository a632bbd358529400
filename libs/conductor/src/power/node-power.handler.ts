import { Inject, Injectable } from '@nestjs/common';
import type { PowerTarget } from '@slipway/drivers-framework';
import { InvalidParameterValueError, NoFreeConductorWorkerError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { POWER_STATES } from '@slipway/provisioning';
import { nodeChangePowerState, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';
import { NodeTaskRunner } from '../tasks/node-task.runner';
import type { NodeTasks } from '../tasks/node-tasks.port';
import { powerTargetState, runPowerAction, SOFT_POWER_OFF_TIMEOUT_SECONDS } from './power-action';

/**
 * Ironic's change_node_power_state: under the node lock the power interface is validated, the
 * target checked against what it supports and recorded as target_power_state (so a read right
 * after the 202 shows it), then the power action runs in the background holding the lock.
 */
@Injectable()
export class NodePowerHandler {
  private readonly log = getLogger('NodePowerHandler');

  constructor(@Inject(NodeTaskRunner) private readonly tasks: NodeTasks) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers.on(nodeChangePowerState, (request) => this.changePowerState(request));
  }

  async changePowerState({ uuid, target, timeoutSeconds }: RpcRequestOf<typeof nodeChangePowerState>): Promise<Record<string, never>> {
    const power = target as PowerTarget;
    const soft = power === POWER_STATES.SOFT_REBOOT || power === POWER_STATES.SOFT_POWER_OFF;
    const timeout = timeoutSeconds ?? (soft ? SOFT_POWER_OFF_TIMEOUT_SECONDS : undefined);
    try {
      await this.start(uuid, power, timeout);
    } catch (error) {
      // The target was recorded but no worker took the action: undo it, as Ironic's spawn hook does.
      if (error instanceof NoFreeConductorWorkerError) {
        await this.tasks.exclusive(uuid, 'changing node power state', async ({ task }) => {
          task.node.targetPowerState = null;
          task.node.lastError = 'No free conductor workers available';
        });
      }
      throw error;
    }
    return {};
  }

  private start(uuid: string, power: PowerTarget, timeout: number | undefined): Promise<void> {
    return this.tasks.exclusiveThenBackground(
      uuid,
      'changing node power state',
      async ({ task }) => {
        await task.driver.power.validate(task);
        const supported = await task.driver.power.getSupportedPowerStates(task);
        if (!supported.includes(power)) {
          throw new InvalidParameterValueError(`The driver ${task.node.driver} does not support the power state, ${power}`);
        }
        task.node.targetPowerState = powerTargetState(power);
        task.node.lastError = null;
      },
      async ({ task }) => {
        try {
          await runPowerAction(task, power, timeout);
        } catch (error) {
          // runPowerAction recorded the failure on the node; the runner saves it.
          this.log.warn({ node: uuid, target: power, err: error }, 'power action failed');
        }
      },
    );
  }
}
