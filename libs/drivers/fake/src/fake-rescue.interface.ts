import { REBOOT, RescueInterface, requireExclusiveLock, setNodePower, type DriverTask, type StepOutcome } from '@slipway/drivers-framework';
import { FAKE_KNOB_PROPERTIES, FakeBehaviour } from './fake-behaviour';
import { clearFakeState, FAKE_STATE, writeFakeState } from './fake-state';

/** Reboots the node into a (simulated) rescue ramdisk and back into its instance. */
export class FakeRescueInterface extends RescueInterface {
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

  async rescue(task: DriverTask): Promise<StepOutcome> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'rescue', 'rescue');
    await task.driver.boot.prepareRamdisk(task, {}, 'rescue');
    await setNodePower(task, REBOOT);
    writeFakeState(task, FAKE_STATE.rescued, true);
  }

  async unrescue(task: DriverTask): Promise<void> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'rescue', 'unrescue');
    await task.driver.boot.cleanUpRamdisk(task, 'rescue');
    await setNodePower(task, REBOOT);
    clearFakeState(task, FAKE_STATE.rescued);
  }
}
