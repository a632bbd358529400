import { defineSetting, type Setting } from './setting';
import { settingValue as v } from './value-schemas';

const NAME = /^[a-z0-9][a-z0-9_-]*$/;
const NAME_EXPECTED = 'interface implementation names (lower-case)';

/**
 * How the settings table shows each enabled_<type>_interfaces default. The lists themselves live
 * with the driver framework (IRONIC_ENABLED_INTERFACES), which applies them; a conductor spec
 * checks that these labels name the same lists.
 */
const ENABLED_DEFAULT_LABELS = {
  bios: 'no-bios,redfish',
  boot: 'ipxe,pxe,redfish-virtual-media',
  console: 'no-console',
  deploy: 'autodetect,direct,ramdisk,bootc',
  firmware: 'no-firmware',
  inspect: 'no-inspect,redfish',
  management: undefined,
  network: 'flat,noop',
  power: undefined,
  raid: 'agent,no-raid,redfish',
  rescue: 'no-rescue',
  storage: 'cinder,noop',
  vendor: 'ipmitool,redfish,no-vendor',
} as const;

/** Ironic's interface types, in Ironic's order (the framework's INTERFACE_TYPES). */
export type ConfigInterfaceType = keyof typeof ENABLED_DEFAULT_LABELS;
export const CONFIG_INTERFACE_TYPES = Object.keys(ENABLED_DEFAULT_LABELS) as ConfigInterfaceType[];

function enabledLabel(type: ConfigInterfaceType): string {
  const ironic = ENABLED_DEFAULT_LABELS[type];
  if (ironic === undefined) return 'every implementation the enabled hardware types support';
  return `${ironic} (those installed) + the first choice of each enabled hardware type`;
}

function enabledSetting<const T extends ConfigInterfaceType>(type: T) {
  return defineSetting({
    key: `conductor.enabledInterfaces.${type}`,
    env: `SLIPWAY_ENABLED_${type.toUpperCase()}_INTERFACES`,
    schema: v.list({ item: NAME, itemExpected: NAME_EXPECTED, minItems: 1 }),
    defaultLabel: enabledLabel(type),
    description: `Ironic's enabled_${type}_interfaces: the ${type} interface implementations this conductor loads (comma-separated). Each must be installed.`,
  });
}

function defaultSetting<const T extends ConfigInterfaceType>(type: T) {
  return defineSetting({
    key: `conductor.defaultInterfaces.${type}`,
    env: `SLIPWAY_DEFAULT_${type.toUpperCase()}_INTERFACE`,
    schema: v.text({ expected: 'an interface implementation name (lower-case)', pattern: NAME }),
    defaultLabel: type === 'storage' ? "noop when enabled, else the hardware type's first enabled choice" : "the hardware type's first enabled choice",
    description: `Ironic's default_${type}_interface: the ${type} interface of nodes that name none. Must be enabled.`,
  });
}

/** The pair of settings of every interface type, keyed `enabledBiosInterfaces`, `defaultBiosInterface`, ... */
export const interfaceSettings = {
  enabledBiosInterfaces: enabledSetting('bios'),
  defaultBiosInterface: defaultSetting('bios'),
  enabledBootInterfaces: enabledSetting('boot'),
  defaultBootInterface: defaultSetting('boot'),
  enabledConsoleInterfaces: enabledSetting('console'),
  defaultConsoleInterface: defaultSetting('console'),
  enabledDeployInterfaces: enabledSetting('deploy'),
  defaultDeployInterface: defaultSetting('deploy'),
  enabledFirmwareInterfaces: enabledSetting('firmware'),
  defaultFirmwareInterface: defaultSetting('firmware'),
  enabledInspectInterfaces: enabledSetting('inspect'),
  defaultInspectInterface: defaultSetting('inspect'),
  enabledManagementInterfaces: enabledSetting('management'),
  defaultManagementInterface: defaultSetting('management'),
  enabledNetworkInterfaces: enabledSetting('network'),
  defaultNetworkInterface: defaultSetting('network'),
  enabledPowerInterfaces: enabledSetting('power'),
  defaultPowerInterface: defaultSetting('power'),
  enabledRaidInterfaces: enabledSetting('raid'),
  defaultRaidInterface: defaultSetting('raid'),
  enabledRescueInterfaces: enabledSetting('rescue'),
  defaultRescueInterface: defaultSetting('rescue'),
  enabledStorageInterfaces: enabledSetting('storage'),
  defaultStorageInterface: defaultSetting('storage'),
  enabledVendorInterfaces: enabledSetting('vendor'),
  defaultVendorInterface: defaultSetting('vendor'),
} as const satisfies Record<string, Setting>;

/** The enabled list and default of every type, for the conductor's pick of settings. */
export const interfaceSettingList = Object.values(interfaceSettings);
