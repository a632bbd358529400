import { DriverInterface } from '../driver-interface';
import type { StepOutcome } from '../steps/step.types';
import type { DriverTask } from '../task';

/** Puts an image on the node and takes it off again. */
export abstract class DeployInterface extends DriverInterface {
  static readonly interfaceType = 'deploy';

  /** The core deploy step (implementations decorate it as a deploy step, priority 100 in Ironic). */
  abstract deploy(task: DriverTask): Promise<StepOutcome>;

  abstract tearDown(task: DriverTask): Promise<void>;

  /** Before deploy steps run (network, boot configuration). */
  abstract prepare(task: DriverTask): Promise<void>;

  /** After tear-down: removes what prepare set up. */
  abstract cleanUp(task: DriverTask): Promise<void>;

  /** A new conductor owns an active node: recreate what the old one held locally (boot files...). */
  abstract takeOver(task: DriverTask): Promise<void>;

  /** Before clean steps run (e.g. boot the ramdisk); may answer STEP_WAIT. */
  async prepareCleaning(_task: DriverTask): Promise<StepOutcome> {
    return undefined;
  }

  async tearDownCleaning(_task: DriverTask): Promise<void> {}
}
