import type { Provider, Type } from '@nestjs/common';
import { NodeMaintenanceController } from '../node-maintenance/node-maintenance.controller';
import { NodeMaintenanceService } from '../node-maintenance/node-maintenance.service';
import { NodeManagementController } from '../node-management/node-management.controller';
import { NodeManagementService } from '../node-management/node-management.service';
import { NodeTraitsController } from '../node-traits/node-traits.controller';
import { NodeTraitsService } from '../node-traits/node-traits.service';
import { NodeValidateController } from '../node-validate/node-validate.controller';
import { NodeValidateService } from '../node-validate/node-validate.service';
import { NodeOwnerRpcService } from './node-owner-rpc.service';
import { NodeStatesController } from './node-states.controller';
import { NodeStatesService } from './node-states.service';

// The node sub-resources for states, management, maintenance, traits and validation, listed once
// for ApiModule.

export const nodeOperationsControllers: Type[] = [NodeStatesController, NodeManagementController, NodeMaintenanceController, NodeTraitsController, NodeValidateController];

export const nodeOperationsProviders: Provider[] = [NodeOwnerRpcService, NodeStatesService, NodeManagementService, NodeMaintenanceService, NodeTraitsService, NodeValidateService];
