import {
  DeployInterface,
  deployStep,
  MissingParameterValueError,
  POWER_OFF,
  POWER_ON,
  requireExclusiveLock,
  setNodePower,
  type DriverTask,
  type StepOutcome,
} from '@slipway/drivers-framework';

/** Instance boot sources a ramdisk deploy accepts (Ironic's instance_info keys). */
export const RAMDISK_INSTANCE_KEYS = { bootIso: 'boot_iso', kernel: 'kernel', ramdisk: 'ramdisk' } as const;

/**
 * Ironic's `ramdisk` deploy: nothing is written to disk; the instance is a ramdisk (an ISO in
 * instance_info.boot_iso, or a kernel and ramdisk) that the boot interface attaches and boots on
 * every start. It needs no agent, so any boot interface able to boot an image (virtual media) can
 * deploy with it. Cleaning has no deploy steps here: only the other interfaces' clean steps run.
 */
export class RamdiskDeployInterface extends DeployInterface {
  static readonly interfaceName: string = 'ramdisk';

  getProperties(): Record<string, string> {
    return {};
  }

  /**
   * The instance must say what to boot (boot_iso, or kernel and ramdisk together), and the boot
   * interface must be able to boot it (virtual media needs the ISO), as Ironic checks both.
   */
  async validate(task: DriverTask): Promise<void> {
    const info = task.node.instanceInfo;
    const has = (key: string) => typeof info[key] === 'string' && (info[key] as string).length > 0;
    if (has(RAMDISK_INSTANCE_KEYS.bootIso) || (has(RAMDISK_INSTANCE_KEYS.kernel) && has(RAMDISK_INSTANCE_KEYS.ramdisk))) {
      await task.driver.boot.validate(task);
      return;
    }
    throw new MissingParameterValueError(
      `Node ${task.node.uuid} is missing instance_info.boot_iso (or instance_info.kernel and instance_info.ramdisk), which the ramdisk deploy interface boots.`,
    );
  }

  /** Powers off, attaches the instance ramdisk through the boot interface, and powers on. */
  @deployStep({ priority: 100 })
  async deploy(task: DriverTask): Promise<StepOutcome> {
    requireExclusiveLock(task);
    await setNodePower(task, POWER_OFF);
    await task.driver.boot.prepareInstance(task);
    await setNodePower(task, POWER_ON);
  }

  async tearDown(task: DriverTask): Promise<void> {
    requireExclusiveLock(task);
    await setNodePower(task, POWER_OFF);
    await task.driver.boot.cleanUpInstance(task);
  }

  /** An active node boots its ramdisk again on the next start: attach it again (takeover). */
  async prepare(task: DriverTask): Promise<void> {
    if (task.node.provisionState === 'active') await task.driver.boot.prepareInstance(task);
  }

  async cleanUp(task: DriverTask): Promise<void> {
    await task.driver.boot.cleanUpInstance(task);
  }

  /** The boot configuration lives on the BMC, not on the conductor: nothing to recreate. */
  async takeOver(_task: DriverTask): Promise<void> {}
}
