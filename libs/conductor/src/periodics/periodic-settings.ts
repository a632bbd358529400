/** Intervals and limits of the conductor's periodic tasks (SLIPWAY_* settings; Ironic's names in the docs). */
export interface ConductorPeriodicSettings {
  syncPowerStateInterval: number;
  syncPowerStateWorkers: number;
  powerStateSyncMaxRetries: number;
  powerFailureRecoveryInterval: number;
}

export const PERIODIC_SETTINGS = Symbol('PERIODIC_SETTINGS');

export const DEFAULT_PERIODIC_SETTINGS: ConductorPeriodicSettings = {
  syncPowerStateInterval: 60,
  syncPowerStateWorkers: 8,
  powerStateSyncMaxRetries: 3,
  powerFailureRecoveryInterval: 300,
};

/** The periodic settings out of a conductor's config section. */
export function periodicSettings(conductor: ConductorPeriodicSettings): ConductorPeriodicSettings {
  const { syncPowerStateInterval, syncPowerStateWorkers, powerStateSyncMaxRetries, powerFailureRecoveryInterval } = conductor;
  return { syncPowerStateInterval, syncPowerStateWorkers, powerStateSyncMaxRetries, powerFailureRecoveryInterval };
}
