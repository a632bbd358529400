import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { getLogger } from '@slipway/logging';
import { conductorPing, RpcHandlerMap, RpcServer, RpcTransport } from '@slipway/rpc';
import { Clock, CLOCK, RPC_TRANSPORT } from '@slipway/runtime';
import { AllocationHandler } from './allocations/allocation.handler';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from './conductor-identity';
import { DriverInfoHandler } from './drivers/driver-info.handler';
import { NodeOperationsHandlers } from './management/node-operations.handlers';
import { NodeAdminHandler } from './nodes/node-admin.handler';
import { PortAdminHandler } from './ports/port-admin.handler';
import { PortgroupAdminHandler } from './ports/portgroup-admin.handler';
import { ProvisionHandler } from './provisioning/provision.handler';
import { RaidConfigHandler } from './raid/raid-config.handler';
import { VendorPassthruHandler } from './vendor/vendor-passthru.handler';
import { AgentHeartbeatHandler } from './agent/agent-heartbeat.handler';
import { ContinueInspectionHandler } from './inspection/continue-inspection.handler';
import { NodeVifHandler } from './vifs/node-vif.handler';
import { VolumeHandler } from './volume/volume.handler';

/**
 * Consumes this conductor's RPC queue. Handlers are registered against their contracts; each
 * later capability (power, provisioning, ...) adds its own handler here.
 */
@Injectable()
export class ConductorRpcServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = getLogger('ConductorRpcServer');
  private server?: RpcServer;

  constructor(
    @Inject(RPC_TRANSPORT) private readonly transport: RpcTransport,
    @Inject(CONDUCTOR_IDENTITY) private readonly identity: ConductorIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly nodeAdmin: NodeAdminHandler,
    private readonly driverInfo: DriverInfoHandler,
    private readonly provisioning: ProvisionHandler,
    private readonly raidConfig: RaidConfigHandler,
    private readonly vendorPassthru: VendorPassthruHandler,
    private readonly nodeOperations: NodeOperationsHandlers,
    private readonly allocations: AllocationHandler,
    private readonly portAdmin: PortAdminHandler,
    private readonly portgroupAdmin: PortgroupAdminHandler,
    private readonly vifs: NodeVifHandler,
    private readonly agent: AgentHeartbeatHandler,
    private readonly inspection: ContinueInspectionHandler,
    private readonly volumes: VolumeHandler,
  ) {}

  handlers(): RpcHandlerMap {
    const handlers = new RpcHandlerMap().on(conductorPing, async () => ({ hostname: this.identity.hostname, time: this.clock.now().toISOString() }));
    this.provisioning.register(handlers);
    this.raidConfig.register(handlers);
    this.vendorPassthru.register(handlers);
    this.driverInfo.register(handlers);
    this.nodeOperations.register(handlers);
    this.allocations.register(handlers);
    this.portAdmin.register(handlers);
    this.portgroupAdmin.register(handlers);
    this.vifs.register(handlers);
    this.agent.register(handlers);
    this.inspection.register(handlers);
    this.volumes.register(handlers);
    return this.nodeAdmin.register(handlers);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.server = await this.transport.serve(this.identity.hostname, this.handlers());
    this.log.info({ host: this.identity.hostname, group: this.identity.conductorGroup }, 'conductor serving RPC');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
  }
}
