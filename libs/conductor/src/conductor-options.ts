import { interfaceConfig, type InterfaceConfig } from './drivers/interface-config';
import { periodicSettings, type ConductorPeriodicSettings } from './periodics/periodic-settings';
import { provisioningSettings, type ProvisioningSettings } from './provisioning/provisioning-settings';

/** What a conductor takes from its config section, beyond identity and cluster timing. */
export interface ConductorOptions {
  periodics: ConductorPeriodicSettings;
  interfaces: InterfaceConfig;
  provisioning: ProvisioningSettings;
}

type ConductorSection = ConductorPeriodicSettings & ProvisioningSettings & Parameters<typeof interfaceConfig>[0];

/** The conductor's options out of the app config's `conductor` section. */
export function conductorOptions(conductor: ConductorSection): ConductorOptions {
  return { periodics: periodicSettings(conductor), interfaces: interfaceConfig(conductor), provisioning: provisioningSettings(conductor) };
}
