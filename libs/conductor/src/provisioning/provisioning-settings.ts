import { pickSettings } from '../settings/pick-settings';

/** Limits of provisioning work (SLIPWAY_* settings; docs/provisioning.md). */
export interface ProvisioningSettings {
  /** Whether provide and undeploy clean nodes whose automated_clean is unset (Ironic's [conductor]automated_clean). */
  automatedClean: boolean;
  /** Longest sleep of a `wait` step with `seconds` (Ironic's max_conductor_wait_step_seconds). */
  maxConductorWaitStepSeconds: number;
  /** Nodes deploying at once in the whole cluster; more deploy requests get 503 (Ironic's max_concurrent_deploy). */
  maxConcurrentDeploy: number;
  /** Nodes cleaning at once in the whole cluster; more clean, provide or undeploy requests get 503 (max_concurrent_clean). */
  maxConcurrentClean: number;
}

export const PROVISIONING_SETTINGS = Symbol('PROVISIONING_SETTINGS');

/** Ironic's defaults. */
export const DEFAULT_PROVISIONING_SETTINGS: ProvisioningSettings = {
  automatedClean: true,
  maxConductorWaitStepSeconds: 30,
  maxConcurrentDeploy: 250,
  maxConcurrentClean: 50,
};

export function provisioningSettings(conductor: ProvisioningSettings): ProvisioningSettings {
  return pickSettings(DEFAULT_PROVISIONING_SETTINGS, conductor);
}
