import {
  InvalidParameterValueError,
  ManagementInterface,
  requireExclusiveLock,
  type BootDevice,
  type BootDeviceInfo,
  type BootMode,
  type DriverTask,
  type IndicatorState,
  type SensorData,
  type SupportedIndicators,
} from '@slipway/drivers-framework';
import { RedfishHttpError, RedfishUnsupportedError, type ComputerSystem } from '@slipway/redfish-client';
import { BOOT_DEVICE_OF, patchBoot, REMEMBERED_BOOT_DEVICE, setBootDevice, supportedBootDevices } from './boot-device';
import { redfishCall } from './redfish-failure';
import { withRedfishDriverInfo } from './with-redfish-driver-info';
import type { RedfishNodes } from './redfish-nodes';
import { readSensors } from './redfish-sensors';

const MODE_OF: Readonly<Record<string, BootMode>> = { UEFI: 'uefi', Legacy: 'bios' };
const OVERRIDE_MODE_OF: Readonly<Record<BootMode, string>> = { uefi: 'UEFI', bios: 'Legacy' };
const INDICATOR_OF: Readonly<Record<string, IndicatorState>> = { Lit: 'on', Blinking: 'blinking', Off: 'off' };
const LED_OF: Readonly<Partial<Record<IndicatorState, string>>> = { on: 'Lit', blinking: 'Blinking', off: 'Off' };

/**
 * Boot device (with the fallbacks of boot-device.ts), boot mode, secure boot, NMI, the system's
 * and chassis' indicator LEDs and sensor readings, through the node's ComputerSystem.
 */
export class RedfishManagementInterface extends withRedfishDriverInfo(ManagementInterface) {
  static readonly interfaceName: string = 'redfish';

  constructor(private readonly nodes: RedfishNodes) {
    super();
  }


  async getSupportedBootDevices(task: DriverTask): Promise<BootDevice[]> {
    return redfishCall(task, 'reading the supported boot devices', async () => supportedBootDevices(await this.nodes.system(task)));
  }

  async setBootDevice(task: DriverTask, device: BootDevice, persistent = false): Promise<void> {
    requireExclusiveLock(task);
    await redfishCall(task, `setting the boot device to ${device}`, async () => {
      const system = await this.nodes.system(task);
      await setBootDevice(this.nodes, task, system, device, persistent, await this.nodes.quirks(task, system));
    });
  }

  async getBootDevice(task: DriverTask): Promise<BootDeviceInfo> {
    return redfishCall(task, 'reading the boot device', async () => {
      const { boot } = await this.nodes.system(task);
      const remembered = task.node.driverInternalInfo[REMEMBERED_BOOT_DEVICE];
      // A device kept as one-time for a BMC without Continuous is persistent to the operator.
      if (typeof remembered === 'string') return { bootDevice: remembered as BootDevice, persistent: true };
      if (!boot.enabled || boot.enabled === 'Disabled') return { bootDevice: null, persistent: null };
      return { bootDevice: BOOT_DEVICE_OF[boot.target ?? ''] ?? null, persistent: boot.enabled === 'Continuous' };
    });
  }

  override async getSupportedBootModes(task: DriverTask): Promise<BootMode[]> {
    return redfishCall(task, 'reading the supported boot modes', async () => {
      const { boot } = await this.nodes.system(task);
      const allowed = boot.modeAllowableValues ?? (boot.mode ? Object.keys(MODE_OF) : []);
      return allowed.map((mode) => MODE_OF[mode]).filter((mode): mode is BootMode => mode !== undefined);
    });
  }

  override async getBootMode(task: DriverTask): Promise<BootMode | null> {
    return redfishCall(task, 'reading the boot mode', async () => MODE_OF[(await this.nodes.system(task)).boot.mode ?? ''] ?? null);
  }

  /** A BMC without BootSourceOverrideMode (HPE Gen9) cannot set it: unsupported, not a failure. */
  override async setBootMode(task: DriverTask, mode: BootMode): Promise<void> {
    requireExclusiveLock(task);
    await redfishCall(task, `setting the boot mode to ${mode}`, async () => {
      const system = await this.nodes.system(task);
      const quirks = await this.nodes.quirks(task, system);
      const override = quirks.bootPatchNeedsAllFields ? { target: system.boot.target ?? 'None', enabled: system.boot.enabled ?? 'Disabled', mode: OVERRIDE_MODE_OF[mode] } : { mode: OVERRIDE_MODE_OF[mode] };
      try {
        await patchBoot(this.nodes, system, override, quirks);
      } catch (error) {
        if (system.boot.mode === undefined && error instanceof RedfishHttpError && error.status < 500) throw new RedfishUnsupportedError(error.url, 'setting the boot mode (no BootSourceOverrideMode)');
        throw error;
      }
    });
  }

  override async getSecureBootState(task: DriverTask): Promise<boolean> {
    return redfishCall(task, 'reading the secure boot state', async () => (await this.secureBoot(task, await this.nodes.system(task))).secureBootEnable ?? false);
  }

  /** Secure boot needs UEFI (Ironic refuses it in legacy mode). */
  override async setSecureBootState(task: DriverTask, enabled: boolean): Promise<void> {
    requireExclusiveLock(task);
    await redfishCall(task, `${enabled ? 'enabling' : 'disabling'} secure boot`, async () => {
      const system = await this.nodes.system(task);
      if (enabled && system.boot.mode === 'Legacy') throw new InvalidParameterValueError(`Secure boot needs UEFI boot mode, and node ${task.node.uuid} boots in legacy (bios) mode.`);
      await (await this.secureBoot(task, system)).setEnabled(enabled);
    });
  }

  override async injectNmi(task: DriverTask): Promise<void> {
    requireExclusiveLock(task);
    await redfishCall(task, 'injecting an NMI', async () => void (await (await this.nodes.system(task)).reset('Nmi')));
  }

  override async getSupportedIndicators(task: DriverTask, component?: string): Promise<SupportedIndicators> {
    return redfishCall(task, 'reading the indicators', async () => {
      const system = await this.nodes.system(task);
      const indicators: SupportedIndicators = {};
      const writable = { readonly: false, states: ['off', 'on', 'blinking'] as IndicatorState[] };
      if (system.indicatorLed !== undefined) indicators['system'] = { [system.id ?? 'system']: writable };
      const chassis = (await system.chassis()).filter((item) => item.indicatorLed !== undefined);
      if (chassis.length) indicators['chassis'] = Object.fromEntries(chassis.map((item) => [item.id ?? item.path, writable]));
      return component ? Object.fromEntries(Object.entries(indicators).filter(([name]) => name === component)) : indicators;
    });
  }

  override async getIndicatorState(task: DriverTask, component: string, indicator: string): Promise<IndicatorState> {
    return redfishCall(task, 'reading an indicator', async () => INDICATOR_OF[(await this.indicatorHolder(task, component, indicator)).indicatorLed ?? ''] ?? 'unknown');
  }

  override async setIndicatorState(task: DriverTask, component: string, indicator: string, state: IndicatorState): Promise<void> {
    requireExclusiveLock(task);
    const led = LED_OF[state];
    if (!led) throw new InvalidParameterValueError(`Indicator state ${state} cannot be set; use on, off or blinking.`);
    await redfishCall(task, 'setting an indicator', async () => void (await (await this.indicatorHolder(task, component, indicator)).setIndicatorLed(led)));
  }

  override async getSensorsData(task: DriverTask): Promise<SensorData> {
    return redfishCall(task, 'reading the sensors', async () => readSensors(await this.nodes.system(task)));
  }

  private async secureBoot(task: DriverTask, system: ComputerSystem) {
    try {
      const secureBoot = await system.secureBoot();
      if (!secureBoot) throw new RedfishUnsupportedError(system.connection.url(system.path), 'a SecureBoot resource');
      return secureBoot;
    } catch (error) {
      const unlicensed = error instanceof RedfishHttpError && error.status === 403 && error.hasMessage('OemLicenseNotPassed');
      if (unlicensed && (await this.nodes.quirks(task, system)).secureBootNeedsLicence) throw new RedfishUnsupportedError(error.url, 'SecureBoot without a licence');
      throw error;
    }
  }

  /** The System or the Chassis an indicator id names. */
  private async indicatorHolder(task: DriverTask, component: string, indicator: string) {
    const system = await this.nodes.system(task);
    if (component === 'system' && indicator === (system.id ?? 'system')) return system;
    if (component === 'chassis') {
      const found = (await system.chassis()).find((item) => (item.id ?? item.path) === indicator);
      if (found) return found;
    }
    throw new InvalidParameterValueError(`Node ${task.node.uuid} has no indicator ${indicator} of component ${component}.`);
  }
}
