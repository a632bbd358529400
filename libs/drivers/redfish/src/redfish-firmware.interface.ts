import {
  cleanStep,
  FIRMWARE_UPDATE_ARGSINFO,
  FirmwareInterface,
  firmwareUpdatesArg,
  InvalidParameterValueError,
  periodic,
  REBOOT,
  requireExclusiveLock,
  setNodePower,
  STEP_WAIT,
  type DriverTask,
  type FirmwareUpdate,
  type PeriodicContext,
  type StepArgs,
  type StepOutcome,
} from '@slipway/drivers-framework';
import { RedfishUnsupportedError, TaskMonitor } from '@slipway/redfish-client';
import { AwaitedWork, STILL_WAITING, WORK_DONE, workFailed, type Awaited, type AwaitedCheck } from './awaited-work';
import { checkBmcTasks } from './bmc-tasks';
import { redfishCall } from './redfish-failure';
import { withRedfishDriverInfo } from './with-redfish-driver-info';
import type { RedfishNodes } from './redfish-nodes';

/** driver_internal_info key: the firmware update in flight (its task monitor) and those after it. */
export const FIRMWARE_AWAITED = 'redfish_firmware_awaited';

type FirmwareMemo = {
  current: FirmwareUpdate;
  /** Path of the SimpleUpdate's task monitor. */
  monitor: string;
  remaining: FirmwareUpdate[];
};

/**
 * Firmware updates through UpdateService.SimpleUpdate (Ironic's redfish firmware), one at a
 * time: each update's task monitor is polled by a periodic; a BIOS update is followed by a
 * reboot, which applies it; then the next update starts, and after the last the step goes on.
 */
export class RedfishFirmwareInterface extends withRedfishDriverInfo(FirmwareInterface) {
  static readonly interfaceName: string = 'redfish';

  private readonly awaited: AwaitedWork<FirmwareMemo>;

  constructor(private readonly nodes: RedfishNodes) {
    super();
    this.awaited = new AwaitedWork<FirmwareMemo>(FIRMWARE_AWAITED, 'firmware', 'firmware update', nodes.options);
  }

  /** Starts the first update; STEP_WAIT while the BMC works on it (updates the BMC finishes at once go on to the next). */
  async update(task: DriverTask, updates: readonly FirmwareUpdate[]): Promise<StepOutcome> {
    requireExclusiveLock(task);
    updates.forEach(checkFirmwareUpdate);
    this.awaited.clear(task);
    const started = await this.startUpdates(task, updates);
    if (!started) return;
    this.awaited.start(task, started);
    return STEP_WAIT;
  }

  @cleanStep({ priority: 0, name: 'update', argsinfo: FIRMWARE_UPDATE_ARGSINFO })
  async updateStep(task: DriverTask, args: StepArgs): Promise<StepOutcome> {
    return this.update(task, firmwareUpdatesArg(args));
  }

  /** Nodes waiting for a firmware update: the next one starts when its task is done; the step goes on after the last. */
  @periodic<RedfishFirmwareInterface>({ spacing: (self) => self.nodes.options.statusCheckIntervalSeconds })
  async checkFirmwareUpdates(context: PeriodicContext): Promise<void> {
    await this.awaited.poll(context, (task, memo) => this.checkUpdate(task, memo));
  }

  private async checkUpdate(task: DriverTask, memo: Awaited<FirmwareMemo>): Promise<AwaitedCheck> {
    const { current } = memo;
    const tasks = await checkBmcTasks(task, await this.nodes.client(task), [memo.monitor]);
    if (tasks.failures.length > 0) {
      return workFailed(`Redfish firmware update of ${current.component} from ${current.url} for node ${task.node.uuid} failed: ${tasks.failures.join(' ')}`);
    }
    if (tasks.running.length > 0) return STILL_WAITING;
    let next: FirmwareMemo | undefined;
    try {
      await this.applied(task, current);
      next = await this.startUpdates(task, memo.remaining);
    } catch (error) {
      return workFailed(error instanceof Error ? error.message : String(error));
    }
    if (!next) return WORK_DONE;
    this.awaited.update(task, next);
    return STILL_WAITING;
  }

  /** Runs updates in order until one gives a task to wait for: what to remember then, or undefined when all are done. */
  private async startUpdates(task: DriverTask, updates: readonly FirmwareUpdate[]): Promise<FirmwareMemo | undefined> {
    for (const [index, update] of updates.entries()) {
      const monitor = await redfishCall(task, `updating the ${update.component} firmware from ${update.url}`, () => this.simpleUpdate(task, update));
      task.log.info({ node: task.node.uuid, component: update.component, url: update.url, monitor }, 'firmware update started');
      if (monitor !== undefined) return { current: update, monitor, remaining: updates.slice(index + 1) };
      await this.applied(task, update);
    }
    return undefined;
  }

  /**
   * SimpleUpdate of one image: TransferProtocol from the URL's scheme when the BMC lists the
   * protocols it takes, Targets (the node's System) only when the BMC has several Systems.
   * The task monitor's path, or undefined when the BMC finished at once.
   */
  private async simpleUpdate(task: DriverTask, update: FirmwareUpdate): Promise<string | undefined> {
    const client = await this.nodes.client(task);
    const service = await client.updateService();
    if (!service) throw new RedfishUnsupportedError(client.connection.url(client.connection.address.rootPath), 'an UpdateService (firmware updates)');
    const several = (await client.systems()).memberPaths.length > 1;
    const result = await service.simpleUpdate(update.url, {
      transferProtocol: service.simpleUpdateAction?.allowableValues !== undefined ? new URL(update.url).protocol.replace(/:$/, '').toUpperCase() : undefined,
      targets: several ? [(await this.nodes.system(task)).path] : undefined,
    });
    return result instanceof TaskMonitor ? result.path : undefined;
  }

  /** After an update's task: a BIOS image is applied by a reboot (Ironic reboots even if the BMC did). */
  private async applied(task: DriverTask, update: FirmwareUpdate): Promise<void> {
    task.log.info({ node: task.node.uuid, component: update.component, url: update.url }, 'firmware update done');
    if (update.component === 'bios') await setNodePower(task, REBOOT);
  }
}

function checkFirmwareUpdate(update: FirmwareUpdate): void {
  const valid = typeof update.component === 'string' && update.component !== '' && typeof update.url === 'string' && URL.canParse(update.url);
  if (!valid) throw new InvalidParameterValueError(`A firmware update needs a component and an absolute url, got ${JSON.stringify(update)}.`);
}
