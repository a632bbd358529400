import { interfaceConfig, type InterfaceConfig } from './drivers/interface-config';
import { redfishDriverOptions, type RedfishSettings } from './drivers/redfish-connections';
import type { RedfishDriverOptions } from '@slipway/drivers-redfish';
import { periodicSettings, type ConductorPeriodicSettings } from './periodics/periodic-settings';
import { provisioningSettings, type ProvisioningSettings } from './provisioning/provisioning-settings';

/** What a conductor takes from its config section, beyond identity and cluster timing. */
export interface ConductorOptions {
  periodics: ConductorPeriodicSettings;
  interfaces: InterfaceConfig;
  provisioning: ProvisioningSettings;
  redfish: Partial<RedfishDriverOptions>;
}

type ConductorSection = ConductorPeriodicSettings & ProvisioningSettings & Parameters<typeof interfaceConfig>[0] & { powerStateChangeTimeout: number };

/** The conductor's options out of the app config's `conductor` and `redfish` sections. */
export function conductorOptions(config: { conductor: ConductorSection; redfish: RedfishSettings }): ConductorOptions {
  const { conductor } = config;
  return {
    periodics: periodicSettings(conductor),
    interfaces: interfaceConfig(conductor),
    provisioning: provisioningSettings(conductor),
    redfish: redfishDriverOptions(config.redfish, conductor.powerStateChangeTimeout),
  };
}
