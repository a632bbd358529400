import { messagesField } from '../common-fields';
import { num, str } from '../fields';
import { Resource, withFields } from '../resource';

/** Task states after which nothing more happens (Redfish TaskState). */
const FINAL_STATES = new Set(['Completed', 'Killed', 'Exception', 'Cancelled']);

/** A Redfish Task: how a long operation went (firmware update, volume creation, …). */
export class Task extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  taskState: str('TaskState'),
  taskStatus: str('TaskStatus'),
  percentComplete: num('PercentComplete'),
  messages: messagesField(),
  startTime: str('StartTime'),
  endTime: str('EndTime'),
  taskMonitor: str('TaskMonitor'),
}) {
  /** Whether the task reached a final state (Completed, Killed, Exception, Cancelled). */
  get finished(): boolean {
    return this.taskState !== undefined && FINAL_STATES.has(this.taskState);
  }

  /**
   * Completed with status OK or Warning. A Completed task without a TaskStatus also counts:
   * the property is optional and some BMCs leave it out on success.
   */
  get succeeded(): boolean {
    return this.taskState === 'Completed' && (this.taskStatus === undefined || this.taskStatus === 'OK' || this.taskStatus === 'Warning');
  }
}
