import { statusField } from '../common-fields';
import { derived, num, str } from '../fields';
import { Resource, withFields } from '../resource';

const current = str('MACAddress');
const permanent = str('PermanentMACAddress');

/** An EthernetInterface of a system (or of a manager). */
export class EthernetInterface extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  /** MACAddress, or PermanentMACAddress when the BMC gives only that; as the BMC wrote it. */
  macAddress: derived((json) => current.read(json) ?? permanent.read(json)),
  permanentMacAddress: permanent,
  speedMbps: num('SpeedMbps'),
  linkStatus: str('LinkStatus'),
  status: statusField(),
}) {}
