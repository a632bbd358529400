import type { DriverTask } from '@slipway/drivers-framework';
import { RedfishClient, RedfishConnectionPool, RedfishNotFoundError, RedfishSystemSelectionError, type ComputerSystem, type RedfishConnectionOptions } from '@slipway/redfish-client';
import type { RedfishDriverOptions } from './redfish-driver-options';
import { parseRedfishDriverInfo, tlsVerificationOf } from './redfish-driver-info';
import { quirksFor, type BmcIdentity, type RedfishQuirks } from './redfish-quirks';

/**
 * How the redfish interfaces reach a node's BMC: one shared pool of connections (sessions reused
 * across tasks and nodes, one request at a time per BMC), the node's ComputerSystem, and what the
 * BMC is (for the quirk table). Shared by every interface of the hardware type.
 */
export class RedfishNodes {
  readonly pool: RedfishConnectionPool;

  constructor(readonly options: RedfishDriverOptions) {
    this.pool = new RedfishConnectionPool({
      maxConnections: options.connectionCacheSize,
      maxSessionsPerBmc: options.maxSessionsPerBmc,
      maxInFlightPerBmc: options.maxRequestsPerBmc,
    });
  }

  /** The client for the node's BMC (driver_info checked first). */
  async client(task: DriverTask): Promise<RedfishClient> {
    return new RedfishClient(await this.pool.acquire(this.connectionOptions(task)));
  }

  /** The node's ComputerSystem, read now. */
  async system(task: DriverTask): Promise<ComputerSystem> {
    const { systemId } = parseRedfishDriverInfo(task.node);
    const client = await this.client(task);
    try {
      return await client.system(systemId);
    } catch (error) {
      // A redfish_system_id path the BMC does not serve: say which systems it has.
      if (!(error instanceof RedfishNotFoundError) || systemId === undefined) throw error;
      const systems = await client.systems();
      throw new RedfishSystemSelectionError(error.url, `The BMC has no system at redfish_system_id ${systemId}`, systems.memberPaths);
    }
  }

  /** What the BMC is: the node's properties.vendor wins (as in Ironic), else the service root's Vendor, else the Manufacturer. */
  async identity(task: DriverTask, system: ComputerSystem): Promise<BmcIdentity> {
    const stored = task.node.properties['vendor'];
    const root = await (await this.client(task)).serviceRoot();
    return {
      vendor: typeof stored === 'string' && stored ? stored : (root.vendor ?? system.manufacturer ?? null),
      model: system.model ?? null,
    };
  }

  async quirks(task: DriverTask, system: ComputerSystem): Promise<RedfishQuirks> {
    return quirksFor(await this.identity(task, system));
  }

  /** Forgets the node's connection (after the BMC refused it), so the next call logs in afresh. */
  async forget(task: DriverTask): Promise<void> {
    await this.pool.release(this.connectionOptions(task));
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private connectionOptions(task: DriverTask): RedfishConnectionOptions {
    const info = parseRedfishDriverInfo(task.node);
    const { options } = this;
    return {
      address: info.address,
      credentials: info.username !== undefined ? { username: info.username, password: info.password ?? '' } : undefined,
      authType: info.authType === 'auto' && task.node.driverInfo['redfish_auth_type'] === undefined ? options.authType : info.authType,
      verify: tlsVerificationOf(info.verify),
      connectTimeoutMs: options.connectTimeoutSeconds * 1000,
      readTimeoutMs: options.readTimeoutSeconds * 1000,
      retry: { connectionAttempts: options.connectionAttempts, connectionRetryMs: options.connectionRetryIntervalSeconds * 1000 },
      sleep: options.sleep,
    };
  }
}
