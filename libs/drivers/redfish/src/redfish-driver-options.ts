import type { AuthType } from '@slipway/redfish-client';

/** How the redfish hardware type talks to BMCs and how long it waits (SLIPWAY_REDFISH_* settings). */
export interface RedfishDriverOptions {
  /** When driver_info/redfish_auth_type is unset (Ironic's [redfish]auth_type). */
  authType: AuthType;
  /** Open connections (sessions) kept; least recently used first out (Ironic's connection_cache_size). */
  connectionCacheSize: number;
  connectionAttempts: number;
  connectionRetryIntervalSeconds: number;
  connectTimeoutSeconds: number;
  readTimeoutSeconds: number;
  maxRequestsPerBmc: number;
  maxSessionsPerBmc: number;
  /** How long a power request waits for the state (Ironic's power_state_change_timeout). */
  powerStateChangeTimeoutSeconds: number;
  /** Between two reads of the power state while waiting for it. */
  powerPollIntervalSeconds: number;
  /** Between two checks of work a step waits for: RAID, firmware, BIOS applied at reboot. */
  statusCheckIntervalSeconds: number;
  /** How long a step may wait for that work before it fails. */
  stepTimeoutSeconds: number;
  /** How the driver waits (power polls, retries); tests pass a fast one. */
  sleep: (ms: number) => Promise<void>;
  /** The clock step timeouts are measured with (ms since the epoch); tests pass a fake one. */
  now: () => number;
}

/** Ironic's defaults. */
export const DEFAULT_REDFISH_DRIVER_OPTIONS: RedfishDriverOptions = {
  authType: 'auto',
  connectionCacheSize: 1000,
  connectionAttempts: 5,
  connectionRetryIntervalSeconds: 4,
  connectTimeoutSeconds: 30,
  readTimeoutSeconds: 60,
  maxRequestsPerBmc: 1,
  maxSessionsPerBmc: 4,
  powerStateChangeTimeoutSeconds: 60,
  powerPollIntervalSeconds: 1,
  statusCheckIntervalSeconds: 60,
  stepTimeoutSeconds: 7200,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};
