import { statusField } from '../common-fields';
import { link, links, str } from '../fields';
import { Resource, withFields } from '../resource';
import { patchResource, type WriteResult } from '../writes';

/** A Chassis: the enclosure a system lives in (sensors, LEDs, power supplies). */
export class Chassis extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  /** `RackMount`, `Blade`, `Enclosure`, `Drawer`, … */
  chassisType: str('ChassisType'),
  manufacturer: str('Manufacturer'),
  model: str('Model'),
  serialNumber: str('SerialNumber'),
  partNumber: str('PartNumber'),
  sku: str('SKU'),
  powerState: str('PowerState'),
  indicatorLed: str('IndicatorLED'),
  status: statusField(),
  thermalPath: link('Thermal'),
  powerPath: link('Power'),
  systemPaths: links(['Links', 'ComputerSystems']),
  managerPaths: links(['Links', 'ManagedBy']),
}) {
  /** Fans and temperatures (the Thermal resource, read as plain JSON). */
  thermal(): Promise<Resource | undefined> {
    return this.follow(this.thermalPath, (init) => new Resource(init));
  }

  /** Power supplies and consumption (the Power resource, read as plain JSON). */
  power(): Promise<Resource | undefined> {
    return this.follow(this.powerPath, (init) => new Resource(init));
  }

  setIndicatorLed(state: string): Promise<WriteResult> {
    return patchResource(this, { IndicatorLED: state });
  }
}
