export * from './interface-type';
export * from './hardware.constants';
export { newDriverNode, type DriverNode, type DriverPort, type JsonObject } from './driver-node';
export { requireExclusiveLock, type DriverTask } from './task';
export { unsupported } from './unsupported';
export { DriverInterface } from './driver-interface';
export type { Driver, InterfaceByType, InterfaceImplementation } from './interface-map';

export { BIOS_SETTINGS_ARGSINFO, BiosInterface, biosSettingsArg, checkBiosSettings, type BiosSetting } from './interfaces/bios.interface';
export { BootInterface, type RamdiskMode } from './interfaces/boot.interface';
export { ConsoleInterface, type ConsoleInfo } from './interfaces/console.interface';
export { DeployInterface } from './interfaces/deploy.interface';
export { FIRMWARE_UPDATE_ARGSINFO, FirmwareInterface, firmwareUpdatesArg, type FirmwareUpdate } from './interfaces/firmware.interface';
export { InspectInterface, isInspectionReport, type InspectionReport, type InspectOutcome } from './interfaces/inspect.interface';
export { ManagementInterface, type BootDeviceInfo, type IndicatorInfo, type SensorData, type SupportedIndicators } from './interfaces/management.interface';
export { NetworkInterface, type VifInfo } from './interfaces/network.interface';
export { PowerInterface } from './interfaces/power.interface';
export {
  RAID_APPLY_ARGSINFO,
  RAID_CREATE_ARGSINFO,
  RaidInterface,
  raidCreateOptions,
  resolveRaidCreateOptions,
  type RaidCreateOptions,
} from './interfaces/raid.interface';
export { RescueInterface } from './interfaces/rescue.interface';
export { StorageInterface } from './interfaces/storage.interface';
export { VendorInterface } from './interfaces/vendor.interface';

export {
  NoBiosInterface,
  NoConsoleInterface,
  NoFirmwareInterface,
  NoInspectInterface,
  NoRaidInterface,
  NoRescueInterface,
  NoVendorInterface,
} from './noop/unsupported.interface';
export { NoopManagementInterface } from './noop/noop-management.interface';
export { NoopNetworkInterface, TENANT_VIF_KEY } from './noop/noop-network.interface';
export { NoopStorageInterface } from './noop/noop-storage.interface';
export { registerNoopInterfaces } from './register-noop-interfaces';

export { HardwareType, DEFAULT_SUPPORTED_INTERFACES, type SupportedInterfaces } from './hardware-type';
export { DEFAULT_DRIVER_CONFIG, IRONIC_ENABLED_INTERFACES, resolveDriverConfig, type DriverConfig, type ResolvedDriverConfig, type ConfigProblem } from './driver-config';
export { InterfaceSelector } from './interface-selector';
export {
  DriverRegistry,
  type DriverInterfaceInfo,
  type DriverRegistryOptions,
  type HardwareInterfaceRow,
  type NodeInterfaceSelection,
} from './driver-registry';

export * from './steps/step.types';
export { cleanStep, deployStep, serviceStep, verifyStep } from './steps/step.decorators';
export { getDriverSteps, getSteps, runStep, validateStepArgs } from './steps/steps';
export { booleanArg, objectListArg } from './steps/step-args';
export {
  callDriverPassthru,
  callPassthru,
  driverPassthru,
  driverPassthruRoute,
  driverPassthruRoutes,
  nodePassthruRoute,
  passthru,
  passthruRoutes,
  type DriverPassthruMethod,
  type NodePassthruOptions,
  type PassthruArgs,
  type PassthruMethod,
  type PassthruOptions,
  type PassthruRoute,
} from './vendor-passthru';
export { RAID_LEVELS, RAID_LOGICAL_DISK_PROPERTIES, validateRaidConfig, type LogicalDisk, type RaidConfig, type RaidLevel } from './raid-config';
export { setNodePower } from './node-power';
export { periodic, periodicsOf } from './periodic/periodic';
export type { NodeVisitOptions, PeriodicContext, PeriodicOptions, PeriodicTask } from './periodic/periodic';

export { discoverDriverPlugins, defaultPluginRoots, type PluginProblem } from './plugins/plugin-discovery';
export { loadDriverPlugins, type PluginLoadReport, type PluginRequire } from './plugins/plugin-loader';
export { readPluginManifest, type DriverPlugin, type PluginDeclaration } from './plugins/plugin-manifest';
export { FRAMEWORK_PACKAGE, provideFrameworkToPlugins } from './plugins/provide-framework';
// The errors a driver raises, so that a plugin needs no other Slipway package.
export { DriverOperationError, InvalidParameterValueError, MissingParameterValueError } from '@slipway/errors';
export { describeInterfaceConformance, type InterfaceConformanceSubject } from './conformance/interface.conformance';
