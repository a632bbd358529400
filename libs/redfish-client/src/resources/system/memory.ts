import { statusField } from '../common-fields';
import { num, str } from '../fields';
import { Resource, withFields } from '../resource';

/** A Memory device (DIMM) of a system. */
export class Memory extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  capacityMiB: num('CapacityMiB'),
  memoryDeviceType: str('MemoryDeviceType'),
  operatingSpeedMhz: num('OperatingSpeedMhz'),
  status: statusField(),
}) {}
