import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CLUSTER_TIMING, ClusterTiming } from '@slipway/cluster';
import { ChassisRepository } from '@slipway/db';
import { ChassisNotFoundError } from '@slipway/errors';
import { AllocationHandler } from './allocations/allocation.handler';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from './conductor-identity';
import { ConductorRpcServer } from './conductor-rpc.server';
import { driverProviders } from './drivers/driver.providers';
import { DriverInfoHandler } from './drivers/driver-info.handler';
import { DEFAULT_INTERFACE_CONFIG, INTERFACE_CONFIG } from './drivers/interface-config';
import { REDFISH_DRIVER_OPTIONS } from './drivers/redfish-connections';
import type { ConductorOptions } from './conductor-options';
import { DEFAULT_PROVISIONING_SETTINGS, PROVISIONING_SETTINGS } from './provisioning/provisioning-settings';
import { DEFAULT_LOCK_TIMING, LOCK_TIMING, NodeLockService } from './locks/node-lock.service';
import { CHASSIS_LOOKUP, ChassisLookup } from './nodes/chassis-lookup';
import { nodeOperationsProviders } from './management/node-operations.handlers';
import { NodeAdminHandler } from './nodes/node-admin.handler';
import { PortAdminHandler } from './ports/port-admin.handler';
import { PortgroupAdminHandler } from './ports/portgroup-admin.handler';
import { NodeHistoryRecorder } from './history/node-history.recorder';
import { ProvisionHandler } from './provisioning/provision.handler';
import { BiosSettingsCache } from './bios/bios-settings-cache';
import { RaidConfigHandler } from './raid/raid-config.handler';
import { VendorPassthruHandler } from './vendor/vendor-passthru.handler';
import { conductorRegistrationProviders } from './registration/registration.providers';
import { MembershipWatch } from './membership/membership-watch.service';
import { OwnedNodes } from './periodics/owned-nodes';
import { PeriodicTaskRunner } from './periodics/periodic-task.runner';
import { DEFAULT_PERIODIC_SETTINGS, PERIODIC_SETTINGS } from './periodics/periodic-settings';
import { PowerStateSync } from './periodics/power-state-sync';
import { NodeHistoryCleanup } from './periodics/node-history-cleanup';
import { ProvisionTimeouts } from './periodics/provision-timeouts';
import { Takeover } from './periodics/takeover';
import { BackgroundWork } from './tasks/background-work';
import { NodeTaskRunner } from './tasks/node-task.runner';
import { AgentHeartbeatHandler } from './agent/agent-heartbeat.handler';
import { ContinueInspectionHandler } from './inspection/continue-inspection.handler';
import { InspectionRecorder } from './inspection/inspection-recorder';
import { NodeVifHandler } from './vifs/node-vif.handler';
import { VolumeHandler } from './volume/volume.handler';

/**
 * A conductor: loads its drivers, serves its RPC queue, then registers and heartbeats so the
 * hash rings route its share of nodes to it.
 */
@Module({})
export class ConductorModule {
  static forRoot(identity: ConductorIdentity, timing: ClusterTiming, options: Partial<ConductorOptions> = {}): DynamicModule {
    return {
      module: ConductorModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: PERIODIC_SETTINGS, useValue: options.periodics ?? DEFAULT_PERIODIC_SETTINGS },
        { provide: INTERFACE_CONFIG, useValue: options.interfaces ?? DEFAULT_INTERFACE_CONFIG },
        { provide: PROVISIONING_SETTINGS, useValue: options.provisioning ?? DEFAULT_PROVISIONING_SETTINGS },
        { provide: REDFISH_DRIVER_OPTIONS, useValue: options.redfish ?? {} },
        { provide: CONDUCTOR_IDENTITY, useValue: identity },
        { provide: CLUSTER_TIMING, useValue: timing },
        { provide: LOCK_TIMING, useValue: DEFAULT_LOCK_TIMING },
        {
          provide: CHASSIS_LOOKUP,
          inject: [ChassisRepository],
          useFactory: (chassis: ChassisRepository): ChassisLookup => ({
            idOf: async (uuid) => (await chassis.findByUuid(uuid))?.id ?? Promise.reject(new ChassisNotFoundError({ chassis: uuid })),
          }),
        },
        ...driverProviders,
        NodeLockService,
        BackgroundWork,
        NodeTaskRunner,
        NodeAdminHandler,
        DriverInfoHandler,
        NodeHistoryRecorder,
        ProvisionHandler,
        BiosSettingsCache,
        RaidConfigHandler,
        VendorPassthruHandler,
        ...nodeOperationsProviders,
        AllocationHandler,
        PortAdminHandler,
        PortgroupAdminHandler,
        NodeVifHandler,
        AgentHeartbeatHandler,
        ContinueInspectionHandler,
        InspectionRecorder,
        VolumeHandler,
        // Serve the queue first, then become routable.
        ConductorRpcServer,
        ...conductorRegistrationProviders,
        MembershipWatch,
        OwnedNodes,
        PowerStateSync,
        NodeHistoryCleanup,
        ProvisionTimeouts,
        Takeover,
        // Last: starts the periodics once the conductor is registered and serving.
        PeriodicTaskRunner,
      ],
      exports: [CONDUCTOR_IDENTITY],
    };
  }
}
