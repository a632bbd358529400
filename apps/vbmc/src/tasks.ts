import { JsonObject } from './json';

export interface TaskSpec {
  name: string;
  /** What started it, shown as the Task's Payload. */
  payload: { TargetUri: string; HttpOperation: string; JsonBody: string };
  /** Runs when the task's time is up; returns the URIs of resources it created, if any. */
  complete: () => string[] | void;
}

interface TaskRecord {
  id: string;
  spec: TaskSpec;
  startedAt: number;
  endsAt: number;
  endedAt?: number;
  state: 'Running' | 'Completed' | 'Exception';
  messages: JsonObject[];
  created: string[];
}

export const TASKS_PATH = '/redfish/v1/TaskService/Tasks';
export const MONITORS_PATH = '/redfish/v1/TaskService/TaskMonitors';

/**
 * Long operations (volume creation, firmware update) as Redfish tasks. Like power, a task is a
 * deadline, completed by `settle` on the next request after its time is up.
 */
export class TaskService {
  private readonly tasks = new Map<string, TaskRecord>();
  private readonly running = new Set<TaskRecord>();
  private nextId = 1;

  constructor(
    private readonly durationMs: number,
    readonly retryAfterSeconds: number,
    private readonly now: () => number,
  ) {}

  start(spec: TaskSpec): { id: string; monitor: string; task: JsonObject } {
    const startedAt = this.now();
    const record: TaskRecord = { id: String(this.nextId++), spec, startedAt, endsAt: startedAt + this.durationMs, state: 'Running', messages: [], created: [] };
    this.tasks.set(record.id, record);
    this.running.add(record);
    this.settle();
    return { id: record.id, monitor: `${MONITORS_PATH}/${record.id}`, task: this.present(record) };
  }

  settle(): void {
    const now = this.now();
    for (const record of this.running) {
      if (record.endsAt > now) continue;
      this.running.delete(record);
      record.endedAt = record.endsAt;
      try {
        record.created = record.spec.complete() ?? [];
        record.state = 'Completed';
        record.messages = [{ MessageId: 'Base.1.8.Success', Message: 'Successfully Completed Request', Severity: 'OK' }];
      } catch (error) {
        record.state = 'Exception';
        record.messages = [{ MessageId: 'Base.1.8.InternalError', Message: error instanceof Error ? error.message : String(error), Severity: 'Critical' }];
      }
    }
  }

  /** The task and whether it is still running, or undefined for an unknown id. */
  get(id: string): { task: JsonObject; running: boolean } | undefined {
    this.settle();
    const record = this.tasks.get(id);
    return record && { task: this.present(record), running: record.state === 'Running' };
  }

  ids(): string[] {
    return [...this.tasks.keys()];
  }

  private present(record: TaskRecord): JsonObject {
    return {
      '@odata.id': `${TASKS_PATH}/${record.id}`,
      '@odata.type': '#Task.v1_7_0.Task',
      Id: record.id,
      Name: record.spec.name,
      TaskState: record.state,
      TaskStatus: record.state === 'Exception' ? 'Critical' : 'OK',
      PercentComplete: record.state === 'Running' ? Math.min(99, Math.floor(((this.now() - record.startedAt) * 100) / Math.max(1, record.endsAt - record.startedAt))) : 100,
      StartTime: new Date(record.startedAt).toISOString(),
      ...(record.endedAt !== undefined ? { EndTime: new Date(record.endedAt).toISOString() } : {}),
      TaskMonitor: `${MONITORS_PATH}/${record.id}`,
      Payload: { ...record.spec.payload, HttpHeaders: [] },
      Messages: record.messages,
      Links: { CreatedResources: record.created.map((uri) => ({ '@odata.id': uri })) },
    };
  }
}
