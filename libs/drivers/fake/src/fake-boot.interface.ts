import { BootInterface, requireExclusiveLock, type DriverTask, type RamdiskMode } from '@slipway/drivers-framework';
import { FAKE_KNOB_PROPERTIES, FakeBehaviour } from './fake-behaviour';
import { clearFakeState, FAKE_STATE, writeFakeState } from './fake-state';

/** Records which ramdisk the node would boot and whether its instance boot is set up. */
export class FakeBootInterface extends BootInterface {
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

  async prepareRamdisk(task: DriverTask, _ramdiskParams: Readonly<Record<string, unknown>>, mode: RamdiskMode = 'deploy'): Promise<void> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'boot', 'prepare_ramdisk');
    writeFakeState(task, FAKE_STATE.ramdisk, mode);
  }

  async cleanUpRamdisk(task: DriverTask, _mode: RamdiskMode = 'deploy'): Promise<void> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'boot', 'clean_up_ramdisk');
    clearFakeState(task, FAKE_STATE.ramdisk);
  }

  async prepareInstance(task: DriverTask): Promise<void> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'boot', 'prepare_instance');
    writeFakeState(task, FAKE_STATE.instanceBoot, true);
  }

  async cleanUpInstance(task: DriverTask): Promise<void> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'boot', 'clean_up_instance');
    clearFakeState(task, FAKE_STATE.instanceBoot);
  }

  override async validateRescue(task: DriverTask): Promise<void> {
    this.fake.validate(task);
  }

  override async validateInspection(task: DriverTask): Promise<void> {
    this.fake.validate(task);
  }
}
