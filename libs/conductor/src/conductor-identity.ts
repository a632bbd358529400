/** Who this conductor is in the cluster; comes from the app config (SLIPWAY_HOSTNAME, ...). */
export interface ConductorIdentity {
  hostname: string;
  conductorGroup: string;
  enabledHardwareTypes: readonly string[];
}

export const CONDUCTOR_IDENTITY = Symbol('CONDUCTOR_IDENTITY');
