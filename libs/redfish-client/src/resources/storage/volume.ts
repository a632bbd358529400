import { RedfishHttpError } from '../../redfish-errors';
import { statusField } from '../common-fields';
import { links, num, str } from '../fields';
import { Resource, withFields } from '../resource';
import { toWriteResult, type WriteResult } from '../writes';

/** A Volume (logical drive, RAID set) of a storage subsystem. */
export class Volume extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  capacityBytes: num('CapacityBytes'),
  /** `RAID0`, `RAID1`, `RAID5`, `RAID6`, `RAID10`, `RAID50`, `RAID60`, … */
  raidType: str('RAIDType'),
  volumeType: str('VolumeType'),
  drivePaths: links(['Links', 'Drives']),
  status: statusField(),
}) {
  /**
   * Deletes the volume, with `@Redfish.OperationApplyTime` when given. iDRAC answers such a body
   * with a 5xx SYS029 (it takes no body on DELETE), so the DELETE is then sent again without it.
   * A 202 gives a task monitor.
   */
  async delete(applyTime?: string): Promise<WriteResult> {
    const body = applyTime === undefined ? undefined : { '@Redfish.OperationApplyTime': applyTime };
    try {
      return toWriteResult(this.connection, await this.connection.delete(this.path, body));
    } catch (error) {
      if (body === undefined || !(error instanceof RedfishHttpError && error.status >= 500 && error.hasMessage('SYS029'))) throw error;
      return toWriteResult(this.connection, await this.connection.delete(this.path));
    }
  }
}
