import { InvalidParameterValueError } from '@slipway/errors';
import {
  cleanStep,
  FIRMWARE_UPDATE_ARGSINFO,
  FirmwareInterface,
  firmwareUpdatesArg,
  requireExclusiveLock,
  type DriverTask,
  type FirmwareUpdate,
  type StepArgs,
  type StepOutcome,
} from '@slipway/drivers-framework';
import { FAKE_KNOB_PROPERTIES, FakeBehaviour } from './fake-behaviour';
import { FAKE_STATE, readFakeState, writeFakeState } from './fake-state';

/** Simulated firmware: remembers, per component, the URL it was last flashed from. */
export class FakeFirmwareInterface extends FirmwareInterface {
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

  async update(task: DriverTask, updates: readonly FirmwareUpdate[]): Promise<StepOutcome> {
    requireExclusiveLock(task);
    for (const item of updates) {
      if (typeof item.component !== 'string' || item.component === '' || typeof item.url !== 'string' || item.url === '') {
        throw new InvalidParameterValueError(`A firmware update needs a component and a url, got ${JSON.stringify(item)}.`);
      }
    }
    await this.fake.perform(task, 'firmware', 'update');
    const stored = readFakeState(task, FAKE_STATE.firmware);
    const flashed: Record<string, string> = { ...(typeof stored === 'object' && stored !== null ? (stored as Record<string, string>) : {}) };
    for (const { component, url } of updates) flashed[component] = url;
    writeFakeState(task, FAKE_STATE.firmware, flashed);
  }

  @cleanStep({ priority: 0, name: 'update', argsinfo: FIRMWARE_UPDATE_ARGSINFO })
  async updateStep(task: DriverTask, args: StepArgs): Promise<StepOutcome> {
    return this.update(task, firmwareUpdatesArg(args));
  }
}
