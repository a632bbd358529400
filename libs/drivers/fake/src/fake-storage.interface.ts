import { requireExclusiveLock, StorageInterface, type DriverTask } from '@slipway/drivers-framework';
import { FAKE_KNOB_PROPERTIES, FakeBehaviour } from './fake-behaviour';
import { clearFakeState, FAKE_STATE, writeFakeState } from './fake-state';

/** Records whether volumes are attached; the image is always written locally. */
export class FakeStorageInterface extends StorageInterface {
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

  async attachVolumes(task: DriverTask): Promise<void> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'storage', 'attach_volumes');
    writeFakeState(task, FAKE_STATE.volumesAttached, true);
  }

  async detachVolumes(task: DriverTask): Promise<void> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'storage', 'detach_volumes');
    clearFakeState(task, FAKE_STATE.volumesAttached);
  }

  shouldWriteImage(_task: DriverTask): boolean {
    return true;
  }
}
