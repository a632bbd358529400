import type { DriverTask } from '@slipway/drivers-framework';
import { RedfishNotFoundError, type RedfishClient, type Task } from '@slipway/redfish-client';

/** How the BMC tasks a step waits for stand. */
export interface BmcTasksState {
  /** The monitors of tasks still running. */
  running: string[];
  /** Why each failed task failed (the task's state, status and messages). */
  failures: string[];
}

/**
 * Looks once at each task monitor (paths kept in driver_internal_info). A task is done when the
 * monitor stops answering 202; it succeeded when Completed with status OK or Warning. A monitor
 * that is gone (404: the BMC dropped the finished task) counts as success, as Ironic assumes.
 */
export async function checkBmcTasks(task: DriverTask, client: RedfishClient, monitors: readonly string[]): Promise<BmcTasksState> {
  const state: BmcTasksState = { running: [], failures: [] };
  for (const path of monitors) {
    const monitor = client.taskMonitor(path);
    try {
      const poll = await monitor.poll();
      if (!poll.done) state.running.push(path);
      else if (poll.task && !poll.task.succeeded) state.failures.push(taskFailure(client.connection.url(path), poll.task));
    } catch (error) {
      if (!(error instanceof RedfishNotFoundError)) throw error;
      task.log.warn({ node: task.node.uuid, monitor: path }, 'the BMC task monitor is gone; assuming the task completed');
    }
  }
  return state;
}

/** `The BMC task <url> ended Exception with status Critical: <its messages>.` */
function taskFailure(url: string, task: Task): string {
  const texts = task.messages.map((message) => (message.message ?? message.messageId ?? '').replace(/\.$/, '')).filter((text) => text !== '');
  return `The BMC task ${url} ended ${task.taskState ?? 'in an unknown state'} with status ${task.taskStatus ?? 'unknown'}${texts.length > 0 ? `: ${texts.join('. ')}` : ''}.`;
}
