import { statusField } from '../common-fields';
import { num, str } from '../fields';
import { Resource, withFields } from '../resource';
import { patchResource, type WriteResult } from '../writes';

/** A physical Drive of a storage subsystem. */
export class Drive extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  capacityBytes: num('CapacityBytes'),
  /** `HDD`, `SSD`, `SMR`. */
  mediaType: str('MediaType'),
  /** `SAS`, `SATA`, `NVMe`, … */
  protocol: str('Protocol'),
  manufacturer: str('Manufacturer'),
  model: str('Model'),
  serialNumber: str('SerialNumber'),
  indicatorLed: str('IndicatorLED'),
  status: statusField(),
}) {
  setIndicatorLed(state: string): Promise<WriteResult> {
    return patchResource(this, { IndicatorLED: state });
  }
}
