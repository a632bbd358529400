export { defineSetting, settingLabel, type Setting, type SettingValue } from './setting';
export { defineRule, type SettingRule } from './setting-rule';
export { settingValue } from './value-schemas';
export { settings, settingRules } from './settings';
export { CONFIG_INTERFACE_TYPES, interfaceSettings, type ConfigInterfaceType } from './interface-settings';
export {
  allSettings,
  apiSettings,
  conductorSettings,
  migrateSettings,
  orchestratorSettings,
  standaloneSettings,
  unionOfSettings,
  type ApiConfig,
  type ConductorConfig,
  type MigrateConfig,
  type OrchestratorConfig,
  type StandaloneConfig,
} from './app-settings';
export type { ConfigOf } from './config.types';
export { ConfigError } from './config.error';
export { loadConfig, type LoadConfigOptions } from './load-config';
export { EXIT_CONFIG, loadConfigOrExit, type LoadConfigOrExitOptions } from './load-config-or-exit';
export { settingsTable } from './settings-table';
export { maskUrl } from './mask-url';
