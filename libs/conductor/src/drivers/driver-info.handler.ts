import { Injectable } from '@nestjs/common';
import { DriverRegistry } from '@slipway/drivers-framework';
import { driverProperties, driverRaidLogicalDiskProperties, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';

/**
 * Driver-level questions without a node, answered from this conductor's registry (Ironic's
 * get_driver_properties and get_raid_logical_disk_properties). No lock, no database: the api
 * routes them to any conductor serving the hardware type.
 */
@Injectable()
export class DriverInfoHandler {
  constructor(private readonly registry: DriverRegistry) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers
      .on(driverProperties, async (request) => this.properties(request))
      .on(driverRaidLogicalDiskProperties, async (request) => this.raidLogicalDiskProperties(request));
  }

  /** The driver_info keys of the hardware type's default interfaces; DriverNotFound if not loaded here. */
  properties({ driverName }: RpcRequestOf<typeof driverProperties>): Record<string, string> {
    return this.registry.driverProperties(driverName);
  }

  /** What the hardware type's default RAID interface accepts in a logical disk. */
  raidLogicalDiskProperties({ driverName }: RpcRequestOf<typeof driverRaidLogicalDiskProperties>): Record<string, string> {
    // A driver built for no node: every interface is the hardware type's default.
    return this.registry.buildDriver({ driver: driverName }).raid.getLogicalDiskProperties();
  }
}
