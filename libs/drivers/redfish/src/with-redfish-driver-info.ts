import type { DriverInterface, DriverNode, DriverTask } from '@slipway/drivers-framework';
import { parseRedfishDriverInfo, REDFISH_PROPERTIES } from './redfish-driver-info';

// TypeScript takes a class as a mixin's base only when it is constructible with any arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type InterfaceClass = abstract new (...args: any[]) => DriverInterface;

/**
 * What every redfish interface says about driver_info, on top of its capability's base class
 * (`class RedfishBiosInterface extends withRedfishDriverInfo(BiosInterface)`): the redfish_*
 * keys (getProperties), validate() requiring redfish_address, and checkDriverInfo() checking
 * the keys that are present.
 */
export function withRedfishDriverInfo<B extends InterfaceClass>(Base: B) {
  abstract class RedfishDriverInfoInterface extends Base {
    getProperties(): Record<string, string> {
      return { ...REDFISH_PROPERTIES };
    }

    async validate(task: DriverTask): Promise<void> {
      parseRedfishDriverInfo(task.node);
    }

    override checkDriverInfo(node: Pick<DriverNode, 'uuid' | 'driverInfo'>): void {
      parseRedfishDriverInfo(node, false);
    }
  }
  return RedfishDriverInfoInterface;
}
