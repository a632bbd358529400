import { DynamicModule, Module } from '@nestjs/common';
import { RingDirectory } from '@slipway/cluster';
import { ConductorRepository } from '@slipway/db';
import { Clock, CLOCK } from '@slipway/runtime';
import { NodeProvisionController } from './node-provision/node-provision.controller';
import { NodeProvisionService } from './node-provision/node-provision.service';
import { NodeWritesService } from './nodes/node-writes.service';
import { NodesController } from './nodes/nodes.controller';
import { NodesService } from './nodes/nodes.service';
import { RootController } from './root/root.controller';
import { CONDUCTOR_ROUTER } from './routing/conductor-router';
import { RingConductorRouter } from './routing/ring-conductor-router';

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
      controllers: [RootController, NodesController, NodeProvisionController],
      providers: [
        NodesService,
        NodeWritesService,
        NodeProvisionService,
        {
          provide: CONDUCTOR_ROUTER,
          inject: [ConductorRepository, CLOCK],
          useFactory: (conductors: ConductorRepository, clock: Clock) =>
            new RingConductorRouter(new RingDirectory(() => conductors.listLive(options.heartbeatTimeoutSeconds), { clock })),
        },
      ],
    };
  }
}
