import {
  cleanStep,
  DeployInterface,
  deployStep,
  POWER_OFF,
  POWER_ON,
  REBOOT,
  requireExclusiveLock,
  setNodePower,
  type DriverTask,
  type StepOutcome,
} from '@slipway/drivers-framework';
import { FAKE_KNOB_PROPERTIES, FakeBehaviour } from './fake-behaviour';
import { clearFakeState, FAKE_STATE, writeFakeState } from './fake-state';

/**
 * A deploy that goes through the same stages as Ironic's agent deploy, each a real step that
 * changes the simulated hardware: boot the ramdisk, write the image, set up the instance boot,
 * power off the ramdisk, boot the instance. Every step finishes at once (no callback wait).
 */
export class FakeDeployInterface extends DeployInterface {
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

  /** Boots the node into the deploy ramdisk. */
  @deployStep({ priority: 100 })
  async deploy(task: DriverTask): Promise<StepOutcome> {
    await this.begin(task, 'deploy');
    await task.driver.boot.prepareRamdisk(task, {}, 'deploy');
    await setNodePower(task, REBOOT);
  }

  /** Writes the image named by instance_info.image_source, unless the node boots from a volume. */
  @deployStep({ priority: 80 })
  async writeImage(task: DriverTask): Promise<StepOutcome> {
    await this.begin(task, 'write_image');
    if (!task.driver.storage.shouldWriteImage(task)) return;
    const source = task.node.instanceInfo['image_source'];
    writeFakeState(task, FAKE_STATE.image, typeof source === 'string' ? source : null);
  }

  /** Sets up the instance boot and makes the disk the persistent boot device. */
  @deployStep({ priority: 60 })
  async prepareInstanceBoot(task: DriverTask): Promise<StepOutcome> {
    await this.begin(task, 'prepare_instance_boot');
    await task.driver.boot.prepareInstance(task);
    await task.driver.management.setBootDevice(task, 'disk', true);
  }

  /** Powers the ramdisk off and removes its boot configuration. */
  @deployStep({ priority: 40 })
  async tearDownAgent(task: DriverTask): Promise<StepOutcome> {
    await this.begin(task, 'tear_down_agent');
    await setNodePower(task, POWER_OFF);
    await task.driver.boot.cleanUpRamdisk(task, 'deploy');
  }

  /** Powers the node on into its instance. */
  @deployStep({ priority: 20 })
  async bootInstance(task: DriverTask): Promise<StepOutcome> {
    await this.begin(task, 'boot_instance');
    await setNodePower(task, POWER_ON);
  }

  /** Automated cleaning wipes the disks, so a cleaned node has no image left. */
  @cleanStep({ priority: 10, abortable: true })
  async eraseDevices(task: DriverTask): Promise<StepOutcome> {
    await this.begin(task, 'erase_devices');
    clearFakeState(task, FAKE_STATE.image);
  }

  async tearDown(task: DriverTask): Promise<void> {
    await this.begin(task, 'tear_down');
    await setNodePower(task, POWER_OFF);
    await task.driver.boot.cleanUpInstance(task);
  }

  async prepare(task: DriverTask): Promise<void> {
    await this.begin(task, 'prepare');
    writeFakeState(task, FAKE_STATE.deployPrepared, true);
  }

  async cleanUp(task: DriverTask): Promise<void> {
    await this.begin(task, 'clean_up');
    clearFakeState(task, FAKE_STATE.deployPrepared);
  }

  /** Nothing lives on the conductor for a fake node, so there is nothing to recreate. */
  async takeOver(task: DriverTask): Promise<void> {
    await this.begin(task, 'take_over');
  }

  override async prepareCleaning(task: DriverTask): Promise<StepOutcome> {
    await this.begin(task, 'prepare_cleaning');
    writeFakeState(task, FAKE_STATE.cleaningPrepared, true);
  }

  override async tearDownCleaning(task: DriverTask): Promise<void> {
    await this.begin(task, 'tear_down_cleaning');
    clearFakeState(task, FAKE_STATE.cleaningPrepared);
  }

  private async begin(task: DriverTask, operation: string): Promise<void> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'deploy', operation);
  }
}
