import { DriverInterface } from '../driver-interface';
import type { DriverTask } from '../task';

/** Attaches remote volumes (boot from volume). */
export abstract class StorageInterface extends DriverInterface {
  static readonly interfaceType = 'storage';

  abstract attachVolumes(task: DriverTask): Promise<void>;

  abstract detachVolumes(task: DriverTask): Promise<void>;

  /** False when the node boots from a volume, so deploy must not write an image. */
  abstract shouldWriteImage(task: DriverTask): boolean;
}
