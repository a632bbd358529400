import { DynamicModule, Module } from '@nestjs/common';
import { RingDirectory } from '@slipway/cluster';
import { allocationControllers, allocationProviders } from './allocations/allocations.providers';
import { ConductorsController } from './conductors/conductors.controller';
import { ConductorsService } from './conductors/conductors.service';
import { HEARTBEAT_TIMEOUT_SECONDS } from './conductors/heartbeat-timeout';
import { deployTemplateControllers, deployTemplateProviders } from './deploy-templates/deploy-templates.providers';
import { DriversController } from './drivers/drivers.controller';
import { DriversService } from './drivers/drivers.service';
import { NodeProvisionController } from './node-provision/node-provision.controller';
import { nodeOperationsControllers, nodeOperationsProviders } from './node-states/node-operations.providers';
import { NodeProvisionService } from './node-provision/node-provision.service';
import { NodeRaidController } from './node-raid/node-raid.controller';
import { VendorPassthruController } from './vendor-passthru/vendor-passthru.controller';
import { VendorPassthruService } from './vendor-passthru/vendor-passthru.service';
import { NodeWritesService } from './nodes/node-writes.service';
import { NodesController } from './nodes/nodes.controller';
import { NodesService } from './nodes/nodes.service';
import { portResourceControllers, portResourceProviders } from './ports/port-resources.providers';
import { RootController } from './root/root.controller';
import { CONDUCTOR_ROUTER } from './routing/conductor-router';
import { RingConductorRouter } from './routing/ring-conductor-router';
import { subresourceControllers, subresourceProviders } from './volume/subresources.providers';

export interface ApiModuleOptions {
  /** Seconds without a heartbeat after which a conductor is dead (SLIPWAY_HEARTBEAT_TIMEOUT). */
  heartbeatTimeoutSeconds: number;
}

/** Ironic's REST API v1. */
@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      controllers: [RootController, NodesController, NodeProvisionController, NodeRaidController, VendorPassthruController, ConductorsController, DriversController, ...nodeOperationsControllers, ...portResourceControllers, ...allocationControllers, ...deployTemplateControllers, ...subresourceControllers],
      providers: [
        NodesService,
        NodeWritesService,
        NodeProvisionService,
        VendorPassthruService,
        ConductorsService,
        DriversService,
        ...nodeOperationsProviders,
        ...portResourceProviders,
        ...allocationProviders,
        ...deployTemplateProviders,
        ...subresourceProviders,
        { provide: HEARTBEAT_TIMEOUT_SECONDS, useValue: options.heartbeatTimeoutSeconds },
        {
          provide: CONDUCTOR_ROUTER,
          inject: [RingDirectory],
          useFactory: (rings: RingDirectory) => new RingConductorRouter(rings),
        },
      ],
    };
  }
}
