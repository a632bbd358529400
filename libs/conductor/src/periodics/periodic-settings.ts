import { pickSettings } from '../settings/pick-settings';

/** Intervals and limits of the conductor's periodic tasks (SLIPWAY_* settings; docs/cluster.md). */
export interface ConductorPeriodicSettings {
  syncPowerStateInterval: number;
  syncPowerStateWorkers: number;
  powerStateSyncMaxRetries: number;
  powerFailureRecoveryInterval: number;
  nodeHistoryCleanupInterval: number;
  nodeHistoryMaxEntries: number;
  nodeHistoryCleanupBatchCount: number;
  nodeHistoryMinimumDays: number;
  checkProvisionStateInterval: number;
  deployCallbackTimeout: number;
  cleanCallbackTimeout: number;
  inspectWaitTimeout: number;
  rescueCallbackTimeout: number;
  serviceCallbackTimeout: number;
  syncLocalStateInterval: number;
}

export const PERIODIC_SETTINGS = Symbol('PERIODIC_SETTINGS');

/** Ironic's defaults, but for the power sync: 60 s instead of 120 s. */
export const DEFAULT_PERIODIC_SETTINGS: ConductorPeriodicSettings = {
  syncPowerStateInterval: 60,
  syncPowerStateWorkers: 8,
  powerStateSyncMaxRetries: 3,
  powerFailureRecoveryInterval: 300,
  nodeHistoryCleanupInterval: 86400,
  nodeHistoryMaxEntries: 300,
  nodeHistoryCleanupBatchCount: 1000,
  nodeHistoryMinimumDays: 0,
  checkProvisionStateInterval: 60,
  deployCallbackTimeout: 1800,
  cleanCallbackTimeout: 1800,
  inspectWaitTimeout: 1800,
  rescueCallbackTimeout: 1800,
  serviceCallbackTimeout: 1800,
  syncLocalStateInterval: 180,
};

/** The periodic settings out of a conductor's config section (which holds more). */
export function periodicSettings(conductor: ConductorPeriodicSettings): ConductorPeriodicSettings {
  return pickSettings(DEFAULT_PERIODIC_SETTINGS, conductor);
}
