import { Injectable, Provider } from '@nestjs/common';
import { RpcHandlerMap } from '@slipway/rpc';
import { NodeTraitsHandler } from '../node-traits/node-traits.handler';
import { NodePowerHandler } from '../power/node-power.handler';
import { BootModeHandler } from './boot-mode.handler';
import { NodeMaintenanceHandler } from './node-maintenance.handler';
import { NodeManagementHandler } from './node-management.handler';
import { NodeValidateHandler } from './node-validate.handler';

/** The handlers of node power, management, maintenance, validation and traits, registered together. */
@Injectable()
export class NodeOperationsHandlers {
  constructor(
    private readonly power: NodePowerHandler,
    private readonly management: NodeManagementHandler,
    private readonly bootMode: BootModeHandler,
    private readonly maintenance: NodeMaintenanceHandler,
    private readonly validation: NodeValidateHandler,
    private readonly traits: NodeTraitsHandler,
  ) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    for (const handler of [this.power, this.management, this.bootMode, this.maintenance, this.validation, this.traits]) handler.register(handlers);
    return handlers;
  }
}

export const nodeOperationsProviders: Provider[] = [
  NodePowerHandler,
  NodeManagementHandler,
  BootModeHandler,
  NodeMaintenanceHandler,
  NodeValidateHandler,
  NodeTraitsHandler,
  NodeOperationsHandlers,
];
