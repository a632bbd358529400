import { RedfishError } from '../../redfish-errors';
import { pathOfLocation, TaskMonitor } from '../../task-monitor';
import { ResourceCollection } from '../collection';
import { load, type ResourceInit } from '../resource';
import { checkAllowed } from '../writes';
import { Volume } from './volume';

/** The body of a volume creation, in Redfish's words (other properties pass through). */
export interface VolumeCreateBody extends Record<string, unknown> {
  RAIDType?: string;
  /** Left out for "as large as possible": the controller computes it. */
  CapacityBytes?: number;
  Name?: string;
  Links?: { Drives: Array<{ '@odata.id': string }> };
}

/** A storage subsystem's Volumes, where new volumes are created. */
export class VolumeCollection extends ResourceCollection<Volume> {
  constructor(init: ResourceInit) {
    super(init, (member) => new Volume(member));
  }

  /**
   * Creates a volume. `applyTime` becomes `@Redfish.OperationApplyTime` and must be one of the
   * collection's `@Redfish.OperationApplyTimeSupport` values when it lists some. 201 (or 200/204)
   * means done: the new volume is read from Location. 202 gives a task monitor.
   */
  async create(body: VolumeCreateBody, applyTime?: string): Promise<Volume | TaskMonitor> {
    if (applyTime !== undefined) checkAllowed(this, '@Redfish.OperationApplyTime', applyTime, this.operationApplyTimeSupport?.supportedValues);
    const payload = applyTime === undefined ? body : { ...body, '@Redfish.OperationApplyTime': applyTime };
    const response = await this.connection.post(this.path, payload);
    this.invalidate();
    const monitor = TaskMonitor.fromResponse(this.connection, response);
    if (monitor) return monitor;
    const location = response.headers['location'] ?? (typeof response.body['@odata.id'] === 'string' ? response.body['@odata.id'] : undefined);
    if (!location) throw new RedfishError(`The BMC created a volume in ${this.path} (HTTP ${response.status}) but did not say where (no Location).`, this.connection.url(this.path));
    return load(this.connection, pathOfLocation(location), (init) => new Volume(init));
  }
}
