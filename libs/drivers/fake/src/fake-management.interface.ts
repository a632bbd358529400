import { InvalidParameterValueError } from '@slipway/errors';
import {
  BOOT_MODES,
  ManagementInterface,
  cleanStep,
  deployStep,
  isBootMode,
  requireExclusiveLock,
  type BootDevice,
  type BootDeviceInfo,
  type BootMode,
  type DriverTask,
  type IndicatorState,
  type StepOutcome,
  type SupportedIndicators,
} from '@slipway/drivers-framework';
import { FAKE_KNOB_PROPERTIES, FakeBehaviour } from './fake-behaviour';
import { FAKE_STATE, readFakeState, writeFakeState } from './fake-state';

const SUPPORTED_BOOT_DEVICES: BootDevice[] = ['pxe', 'disk', 'cdrom', 'bios', 'safe'];

// Two LEDs like Ironic's fake: the chassis one is read-only, the system one can blink.
const INDICATORS: SupportedIndicators = {
  chassis: { 'led-0': { readonly: true, states: ['off', 'on'] } },
  system: { led: { readonly: false, states: ['blinking', 'off', 'on'] } },
};

type IndicatorStates = Record<string, Record<string, IndicatorState>>;

/** A simulated BMC: boot device, boot mode, secure boot and LEDs read back what was last set. */
export class FakeManagementInterface extends ManagementInterface {
  static readonly interfaceName: string = 'fake';

  constructor(private readonly fake: FakeBehaviour = new FakeBehaviour()) {
    super();
  }

  getProperties(): Record<string, string> {
    return { ...FAKE_KNOB_PROPERTIES };
  }

  async validate(task: DriverTask): Promise<void> {
    this.fake.validate(task);
  }

  async getSupportedBootDevices(_task: DriverTask): Promise<BootDevice[]> {
    return [...SUPPORTED_BOOT_DEVICES];
  }

  async setBootDevice(task: DriverTask, device: BootDevice, persistent = false): Promise<void> {
    requireExclusiveLock(task);
    if (!SUPPORTED_BOOT_DEVICES.includes(device)) {
      throw new InvalidParameterValueError(`Invalid boot device ${device}; supported are ${SUPPORTED_BOOT_DEVICES.join(', ')}.`);
    }
    await this.fake.perform(task, 'management', 'set_boot_device');
    writeFakeState(task, FAKE_STATE.bootDevice, device);
    writeFakeState(task, FAKE_STATE.bootDevicePersistent, persistent);
  }

  async getBootDevice(task: DriverTask): Promise<BootDeviceInfo> {
    await this.fake.perform(task, 'management', 'get_boot_device');
    const device = readFakeState(task, FAKE_STATE.bootDevice);
    const persistent = readFakeState(task, FAKE_STATE.bootDevicePersistent);
    return {
      bootDevice: typeof device === 'string' ? (device as BootDevice) : 'pxe',
      persistent: typeof persistent === 'boolean' ? persistent : false,
    };
  }

  override async getSupportedBootModes(_task: DriverTask): Promise<BootMode[]> {
    return [...BOOT_MODES];
  }

  override async setBootMode(task: DriverTask, mode: BootMode): Promise<void> {
    requireExclusiveLock(task);
    if (!isBootMode(mode)) throw new InvalidParameterValueError(`Invalid boot mode ${String(mode)}; supported are ${BOOT_MODES.join(', ')}.`);
    await this.fake.perform(task, 'management', 'set_boot_mode');
    writeFakeState(task, FAKE_STATE.bootMode, mode);
  }

  override async getBootMode(task: DriverTask): Promise<BootMode> {
    await this.fake.perform(task, 'management', 'get_boot_mode');
    return currentBootMode(task);
  }

  override async getSecureBootState(task: DriverTask): Promise<boolean> {
    await this.fake.perform(task, 'management', 'get_secure_boot_state');
    return readFakeState(task, FAKE_STATE.secureBoot) === true;
  }

  override async setSecureBootState(task: DriverTask, enabled: boolean): Promise<void> {
    requireExclusiveLock(task);
    // Real firmware only offers secure boot in UEFI mode.
    if (enabled && currentBootMode(task) !== 'uefi') {
      throw new InvalidParameterValueError(`Secure boot needs UEFI boot mode; node ${task.node.uuid} boots in BIOS mode.`);
    }
    await this.fake.perform(task, 'management', 'set_secure_boot_state');
    writeFakeState(task, FAKE_STATE.secureBoot, enabled);
  }

  override async injectNmi(task: DriverTask): Promise<void> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'management', 'inject_nmi');
    writeFakeState(task, FAKE_STATE.nmiCount, counter(readFakeState(task, FAKE_STATE.nmiCount)) + 1);
  }

  override async getSupportedIndicators(task: DriverTask, component?: string): Promise<SupportedIndicators> {
    await this.fake.perform(task, 'management', 'get_supported_indicators');
    const all = structuredClone(INDICATORS);
    return component === undefined ? all : Object.fromEntries(Object.entries(all).filter(([name]) => name === component));
  }

  override async getIndicatorState(task: DriverTask, component: string, indicator: string): Promise<IndicatorState> {
    await this.fake.perform(task, 'management', 'get_indicator_state');
    checkIndicator(component, indicator);
    return indicatorStates(task)[component]?.[indicator] ?? 'off';
  }

  override async setIndicatorState(task: DriverTask, component: string, indicator: string, state: IndicatorState): Promise<void> {
    requireExclusiveLock(task);
    const info = checkIndicator(component, indicator);
    if (info.readonly) throw new InvalidParameterValueError(`Indicator ${indicator} of component ${component} is read-only.`);
    if (!info.states.includes(state)) {
      throw new InvalidParameterValueError(`Indicator ${indicator} of component ${component} cannot be ${state}; it supports ${info.states.join(', ')}.`);
    }
    await this.fake.perform(task, 'management', 'set_indicator_state');
    const states = indicatorStates(task);
    writeFakeState(task, FAKE_STATE.indicators, { ...states, [component]: { ...states[component], [indicator]: state } });
  }

  /** A BMC reset, as vendors offer for a BMC that stopped answering. */
  @cleanStep({ priority: 0 })
  @deployStep({ priority: 0 })
  async resetBmc(task: DriverTask): Promise<StepOutcome> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'management', 'reset_bmc');
    writeFakeState(task, FAKE_STATE.bmcResetCount, counter(readFakeState(task, FAKE_STATE.bmcResetCount)) + 1);
  }
}

/** What was set last; before that, the node's recorded mode, else UEFI (Ironic's default). */
function currentBootMode(task: DriverTask): BootMode {
  const stored = readFakeState(task, FAKE_STATE.bootMode) ?? task.node.bootMode;
  return typeof stored === 'string' && isBootMode(stored) ? stored : 'uefi';
}

function counter(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

function indicatorStates(task: DriverTask): IndicatorStates {
  const stored = readFakeState(task, FAKE_STATE.indicators);
  return typeof stored === 'object' && stored !== null ? (stored as IndicatorStates) : {};
}

function checkIndicator(component: string, indicator: string) {
  const ofComponent = INDICATORS[component];
  if (ofComponent === undefined) throw new InvalidParameterValueError(`Invalid component ${component}.`);
  const info = ofComponent[indicator];
  if (info === undefined) throw new InvalidParameterValueError(`Invalid indicator ${indicator} of component ${component}.`);
  return info;
}
