import { statusField } from '../common-fields';
import { list, num, str } from '../fields';
import { Resource, withFields } from '../resource';

/** A SimpleStorage controller and its directly attached devices. */
export class SimpleStorage extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  devices: list('Devices', {
    name: str('Name'),
    manufacturer: str('Manufacturer'),
    model: str('Model'),
    capacityBytes: num('CapacityBytes'),
    status: statusField(),
  }),
  status: statusField(),
}) {}

export type SimpleStorageDevice = SimpleStorage['devices'][number];
