import { actionField, statusField } from '../common-fields';
import { ResourceCollection } from '../collection';
import { link, links, str } from '../fields';
import { Resource, withFields } from '../resource';
import { EthernetInterface } from '../system/ethernet-interface';
import { VirtualMedia } from './virtual-media';

/** A Manager: the BMC itself. */
export class Manager extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  /** `BMC`, `EnclosureManager`, `ManagementController`, … */
  managerType: str('ManagerType'),
  firmwareVersion: str('FirmwareVersion'),
  model: str('Model'),
  uuid: str('UUID'),
  dateTime: str('DateTime'),
  powerState: str('PowerState'),
  status: statusField(),
  virtualMediaPath: link('VirtualMedia'),
  ethernetInterfacesPath: link('EthernetInterfaces'),
  systemPaths: links(['Links', 'ManagerForServers']),
  chassisPaths: links(['Links', 'ManagerForChassis']),
  resetAction: actionField('#Manager.Reset', 'ResetType'),
}) {
  /** The manager's virtual media slots (older schema; newer BMCs put them under the System). */
  virtualMedia(): Promise<ResourceCollection<VirtualMedia> | undefined> {
    return this.follow(this.virtualMediaPath, ResourceCollection.of((init) => new VirtualMedia(init)));
  }

  /** The BMC's own network interfaces. */
  ethernetInterfaces(): Promise<ResourceCollection<EthernetInterface> | undefined> {
    return this.follow(this.ethernetInterfacesPath, ResourceCollection.of((init) => new EthernetInterface(init)));
  }
}
