import {
  BIOS_SETTINGS_ARGSINFO,
  BiosInterface,
  biosSettingsArg,
  checkBiosSettings,
  cleanStep,
  deployStep,
  requireExclusiveLock,
  type BiosSetting,
  type DriverTask,
  type StepArgs,
  type StepOutcome,
} from '@slipway/drivers-framework';
import { FAKE_KNOB_PROPERTIES, FakeBehaviour } from './fake-behaviour';
import { clearFakeState, FAKE_STATE, readFakeState, writeFakeState } from './fake-state';

/** The settings of a fake node fresh from the factory. */
export const FAKE_BIOS_DEFAULTS: Readonly<Record<string, string>> = Object.freeze({
  NumLock: 'On',
  PowerProfile: 'Balanced',
  ProcHyperthreading: 'Enabled',
  ProcVirtualization: 'Enabled',
});

/** A simulated BIOS: applied settings persist, a factory reset brings the defaults back. */
export class FakeBiosInterface extends BiosInterface {
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

  async applyConfiguration(task: DriverTask, settings: readonly BiosSetting[]): Promise<StepOutcome> {
    requireExclusiveLock(task);
    checkBiosSettings(settings);
    await this.fake.perform(task, 'bios', 'apply_configuration');
    const current = currentSettings(task);
    for (const { name, value } of settings) current[name] = value;
    writeFakeState(task, FAKE_STATE.biosSettings, current);
  }

  @cleanStep({ priority: 0 })
  @deployStep({ priority: 0 })
  async factoryReset(task: DriverTask): Promise<StepOutcome> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'bios', 'factory_reset');
    clearFakeState(task, FAKE_STATE.biosSettings);
  }

  async cacheBiosSettings(task: DriverTask): Promise<BiosSetting[]> {
    await this.fake.perform(task, 'bios', 'cache_bios_settings');
    return Object.entries(currentSettings(task))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => ({ name, value }));
  }

  @cleanStep({ priority: 0, name: 'apply_configuration', argsinfo: BIOS_SETTINGS_ARGSINFO })
  @deployStep({ priority: 0, name: 'apply_configuration', argsinfo: BIOS_SETTINGS_ARGSINFO })
  async applyConfigurationStep(task: DriverTask, args: StepArgs): Promise<StepOutcome> {
    return this.applyConfiguration(task, biosSettingsArg(args));
  }
}

function currentSettings(task: DriverTask): Record<string, string | null> {
  const stored = readFakeState(task, FAKE_STATE.biosSettings);
  return { ...(typeof stored === 'object' && stored !== null ? (stored as Record<string, string | null>) : FAKE_BIOS_DEFAULTS) };
}
