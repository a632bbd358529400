import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DEFAULT_REDFISH_DRIVER_OPTIONS, RedfishNodes, type RedfishDriverOptions } from '@slipway/drivers-redfish';
import { getLogger } from '@slipway/logging';

export const REDFISH_DRIVER_OPTIONS = Symbol('REDFISH_DRIVER_OPTIONS');

/** The config's `redfish` section (and power_state_change_timeout) as the driver's options. */
export interface RedfishSettings {
  authType: RedfishDriverOptions['authType'];
  connectionCacheSize: number;
  connectionAttempts: number;
  connectionRetryInterval: number;
  connectTimeout: number;
  readTimeout: number;
  maxRequestsPerBmc: number;
  maxSessionsPerBmc: number;
  statusCheckInterval: number;
  stepTimeout: number;
}

export function redfishDriverOptions(redfish: RedfishSettings, powerStateChangeTimeout: number): Partial<RedfishDriverOptions> {
  return {
    authType: redfish.authType,
    connectionCacheSize: redfish.connectionCacheSize,
    connectionAttempts: redfish.connectionAttempts,
    connectionRetryIntervalSeconds: redfish.connectionRetryInterval,
    connectTimeoutSeconds: redfish.connectTimeout,
    readTimeoutSeconds: redfish.readTimeout,
    maxRequestsPerBmc: redfish.maxRequestsPerBmc,
    maxSessionsPerBmc: redfish.maxSessionsPerBmc,
    statusCheckIntervalSeconds: redfish.statusCheckInterval,
    stepTimeoutSeconds: redfish.stepTimeout,
    powerStateChangeTimeoutSeconds: powerStateChangeTimeout,
  };
}

/**
 * The conductor's Redfish connections (one pool for all its nodes), closed when the conductor
 * stops so that its sessions on the BMCs end instead of lingering until they time out.
 */
@Injectable()
export class RedfishConnections implements OnApplicationShutdown {
  private readonly log = getLogger('RedfishConnections');
  readonly nodes: RedfishNodes;

  constructor(@Inject(REDFISH_DRIVER_OPTIONS) options: Partial<RedfishDriverOptions>) {
    this.nodes = new RedfishNodes({ ...DEFAULT_REDFISH_DRIVER_OPTIONS, ...options });
  }

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.nodes.close();
    } catch (error) {
      this.log.warn({ err: error }, 'closing the Redfish connections failed');
    }
  }
}
