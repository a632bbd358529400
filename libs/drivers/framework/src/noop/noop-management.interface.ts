import { InvalidParameterValueError } from '@slipway/errors';
import type { BootDevice } from '../hardware.constants';
import { ManagementInterface, type BootDeviceInfo } from '../interfaces/management.interface';
import type { DriverTask } from '../task';

/**
 * Management for hardware whose boot order an operator set up by hand (PXE first, then disk):
 * boot device requests are checked and accepted but change nothing.
 */
export class NoopManagementInterface extends ManagementInterface {
  static readonly interfaceName: string = 'noop';

  getProperties(): Record<string, string> {
    return {};
  }

  async validate(_task: DriverTask): Promise<void> {}

  async getSupportedBootDevices(_task: DriverTask): Promise<BootDevice[]> {
    return ['pxe', 'disk'];
  }

  async setBootDevice(task: DriverTask, device: BootDevice, _persistent?: boolean): Promise<void> {
    const supported = await this.getSupportedBootDevices(task);
    if (!supported.includes(device)) {
      throw new InvalidParameterValueError(`Invalid boot device ${device}; supported are ${supported.join(', ')}.`);
    }
    task.log.debug({ node: task.node.uuid, device }, 'noop management: assuming the boot order is already right');
  }

  async getBootDevice(_task: DriverTask): Promise<BootDeviceInfo> {
    return { bootDevice: null, persistent: null };
  }
}
