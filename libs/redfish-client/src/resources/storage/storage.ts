import { statusField } from '../common-fields';
import { ResourceCollection } from '../collection';
import { link, links, list, num, str, strings } from '../fields';
import { Resource, withFields } from '../resource';
import { Drive } from './drive';
import { VolumeCollection } from './volume-collection';

/** A Storage subsystem: controllers, the drives they reach, and the volumes made of them. */
export class Storage extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  status: statusField(),
  /** The embedded controllers (older schema); newer BMCs (HPE) link a Controllers collection. */
  storageControllers: list('StorageControllers', {
    memberId: str('MemberId'),
    name: str('Name'),
    manufacturer: str('Manufacturer'),
    model: str('Model'),
    firmwareVersion: str('FirmwareVersion'),
    speedGbps: num('SpeedGbps'),
    supportedRaidTypes: strings('SupportedRAIDTypes'),
    status: statusField(),
  }),
  controllersPath: link('Controllers'),
  drivePaths: links('Drives'),
  volumesPath: link('Volumes'),
}) {
  /** The drives that exist (links answering 404 are skipped). */
  drives(): Promise<Drive[]> {
    return this.followAll(this.drivePaths, (init) => new Drive(init));
  }

  volumes(): Promise<VolumeCollection | undefined> {
    return this.follow(this.volumesPath, (init) => new VolumeCollection(init));
  }

  /** The Controllers collection (generic resources), when the BMC links one. */
  controllers(): Promise<ResourceCollection<Resource> | undefined> {
    return this.follow(this.controllersPath, ResourceCollection.of((init) => new Resource(init)));
  }
}
