import { StorageInterface } from '../interfaces/storage.interface';
import type { DriverTask } from '../task';

/** No remote volumes: the image is always written to local disk. */
export class NoopStorageInterface extends StorageInterface {
  static readonly interfaceName: string = 'noop';

  getProperties(): Record<string, string> {
    return {};
  }

  async validate(_task: DriverTask): Promise<void> {}

  async attachVolumes(_task: DriverTask): Promise<void> {}

  async detachVolumes(_task: DriverTask): Promise<void> {}

  shouldWriteImage(_task: DriverTask): boolean {
    return true;
  }
}
