import { DriverInterface } from '../driver-interface';
import type { BootDevice, BootMode, IndicatorState } from '../hardware.constants';
import type { DriverTask } from '../task';
import { unsupported } from '../unsupported';

export interface BootDeviceInfo {
  /** null when the hardware cannot tell. */
  bootDevice: BootDevice | null;
  persistent: boolean | null;
}

export interface IndicatorInfo {
  readonly: boolean;
  states: IndicatorState[];
}

/** component → indicator id → what it can show. */
export type SupportedIndicators = Record<string, Record<string, IndicatorInfo>>;

/**
 * Sensor readings in Ironic's shape: sensor type (`Temperature`, `Fan`, `Power`, `Drive`) →
 * sensor id → its fields (state, health, readings, identity).
 */
export type SensorData = Record<string, Record<string, Record<string, unknown>>>;

/**
 * Boot device, boot mode, secure boot, NMI and indicators. Only the boot device is required;
 * the rest answers UnsupportedDriverExtension unless an implementation provides it.
 */
export abstract class ManagementInterface extends DriverInterface {
  static readonly interfaceType = 'management';

  abstract getSupportedBootDevices(task: DriverTask): Promise<BootDevice[]>;

  abstract setBootDevice(task: DriverTask, device: BootDevice, persistent?: boolean): Promise<void>;

  abstract getBootDevice(task: DriverTask): Promise<BootDeviceInfo>;

  async getSupportedBootModes(task: DriverTask): Promise<BootMode[]> {
    return unsupported(task, 'get_supported_boot_modes');
  }

  async setBootMode(task: DriverTask, _mode: BootMode): Promise<void> {
    return unsupported(task, 'set_boot_mode');
  }

  /** null when the hardware cannot tell. */
  async getBootMode(task: DriverTask): Promise<BootMode | null> {
    return unsupported(task, 'get_boot_mode');
  }

  async getSecureBootState(task: DriverTask): Promise<boolean> {
    return unsupported(task, 'get_secure_boot_state');
  }

  async setSecureBootState(task: DriverTask, _enabled: boolean): Promise<void> {
    return unsupported(task, 'set_secure_boot_state');
  }

  async injectNmi(task: DriverTask): Promise<void> {
    return unsupported(task, 'inject_nmi');
  }

  /** All components, or only `component` when given. */
  async getSupportedIndicators(task: DriverTask, _component?: string): Promise<SupportedIndicators> {
    return unsupported(task, 'get_supported_indicators');
  }

  async getIndicatorState(task: DriverTask, _component: string, _indicator: string): Promise<IndicatorState> {
    return unsupported(task, 'get_indicator_state');
  }

  async setIndicatorState(task: DriverTask, _component: string, _indicator: string, _state: IndicatorState): Promise<void> {
    return unsupported(task, 'set_indicator_state');
  }

  async getSensorsData(task: DriverTask): Promise<SensorData> {
    return unsupported(task, 'get_sensors_data');
  }
}
