import { Inject, Injectable } from '@nestjs/common';
import { INDICATOR_STATES, type BootDevice, type DriverTask, type IndicatorState } from '@slipway/drivers-framework';
import { InvalidParameterValueError } from '@slipway/errors';
import {
  nodeGetBootDevice, nodeGetIndicatorState, nodeGetSupportedBootDevices, nodeGetSupportedIndicators, nodeInjectNmi, nodeSetBootDevice, nodeSetIndicatorState,
  RpcHandlerMap, RpcRequestOf, RpcResponseOf,
} from '@slipway/rpc';
import { NodeTaskRunner } from '../tasks/node-task.runner';
import type { NodeTasks } from '../tasks/node-tasks.port';

/**
 * The node's management interface on request: boot device, NMI and indicators. Reads run on a
 * shared task (no lock), writes under the node lock; the interface is validated first, as Ironic's
 * set_boot_device, inject_nmi and indicator calls do.
 */
@Injectable()
export class NodeManagementHandler {
  constructor(@Inject(NodeTaskRunner) private readonly tasks: NodeTasks) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers
      .on(nodeGetBootDevice, ({ uuid }) => this.getBootDevice(uuid))
      .on(nodeSetBootDevice, (request) => this.setBootDevice(request))
      .on(nodeGetSupportedBootDevices, ({ uuid }) => this.getSupportedBootDevices(uuid))
      .on(nodeInjectNmi, ({ uuid }) => this.injectNmi(uuid))
      .on(nodeGetSupportedIndicators, ({ uuid }) => this.getSupportedIndicators(uuid))
      .on(nodeGetIndicatorState, (request) => this.getIndicatorState(request))
      .on(nodeSetIndicatorState, (request) => this.setIndicatorState(request));
  }

  getBootDevice(uuid: string): Promise<RpcResponseOf<typeof nodeGetBootDevice>> {
    return this.tasks.shared(uuid, 'getting boot device', async ({ task }) => {
      await task.driver.management.validate(task);
      return task.driver.management.getBootDevice(task);
    });
  }

  async setBootDevice({ uuid, device, persistent }: RpcRequestOf<typeof nodeSetBootDevice>): Promise<Record<string, never>> {
    await this.tasks.exclusive(uuid, 'setting boot device', async ({ task }) => {
      await task.driver.management.validate(task);
      // Every driver answers an unsupported device the same way (Ironic's drivers each do).
      if (!(await task.driver.management.getSupportedBootDevices(task)).includes(device as BootDevice)) {
        throw new InvalidParameterValueError(`Invalid boot device ${device} specified.`);
      }
      await task.driver.management.setBootDevice(task, device as BootDevice, persistent);
    });
    return {};
  }

  getSupportedBootDevices(uuid: string): Promise<RpcResponseOf<typeof nodeGetSupportedBootDevices>> {
    return this.tasks.shared(uuid, 'getting supported boot devices', async ({ task }) => ({ devices: await task.driver.management.getSupportedBootDevices(task) }));
  }

  async injectNmi(uuid: string): Promise<Record<string, never>> {
    await this.tasks.exclusive(uuid, 'inject nmi', async ({ task }) => {
      await task.driver.management.validate(task);
      await task.driver.management.injectNmi(task);
    });
    return {};
  }

  getSupportedIndicators(uuid: string): Promise<RpcResponseOf<typeof nodeGetSupportedIndicators>> {
    return this.tasks.shared(uuid, 'getting supported indicators', async ({ task }) => {
      await task.driver.management.validate(task);
      const supported = await task.driver.management.getSupportedIndicators(task);
      return {
        components: Object.entries(supported).map(([component, indicators]) => ({
          component,
          indicators: Object.entries(indicators).map(([name, info]) => ({ name, readonly: info.readonly, states: [...info.states] })),
        })),
      };
    });
  }

  getIndicatorState({ uuid, component, indicator }: RpcRequestOf<typeof nodeGetIndicatorState>): Promise<{ state: string }> {
    return this.tasks.shared(uuid, 'getting indicators states', async ({ task }) => {
      await task.driver.management.validate(task);
      return { state: await task.driver.management.getIndicatorState(task, component, indicator) };
    });
  }

  async setIndicatorState({ uuid, component, indicator, state }: RpcRequestOf<typeof nodeSetIndicatorState>): Promise<Record<string, never>> {
    await this.tasks.exclusive(uuid, 'setting indicator state', async ({ task }) => {
      const checked = indicatorState(task, state);
      await task.driver.management.validate(task);
      await task.driver.management.setIndicatorState(task, component, indicator, checked);
    });
    return {};
  }
}

function indicatorState(task: DriverTask, state: string): IndicatorState {
  if ((INDICATOR_STATES as readonly string[]).includes(state)) return state as IndicatorState;
  throw new InvalidParameterValueError(`Invalid indicator state ${state} for node ${task.node.uuid}; the states are ${INDICATOR_STATES.join(', ')}.`);
}
