import {
  cleanStep,
  deployStep,
  InvalidParameterValueError,
  periodic,
  RAID_APPLY_ARGSINFO,
  RAID_CREATE_ARGSINFO,
  RaidInterface,
  raidCreateOptions,
  REBOOT,
  requireExclusiveLock,
  resolveRaidCreateOptions,
  setNodePower,
  STEP_WAIT,
  validateRaidConfig,
  type DriverTask,
  type PeriodicContext,
  type RaidConfig,
  type RaidCreateOptions,
  type StepArgs,
  type StepOutcome,
} from '@slipway/drivers-framework';
import {
  asStrings,
  lastSegment,
  load,
  RedfishUnsupportedError,
  TaskMonitor,
  VolumeCollection,
  type ComputerSystem,
  type Drive,
  type RedfishClient,
  type Storage,
  type Volume,
  type VolumeCreateBody,
} from '@slipway/redfish-client';
import { AwaitedWork, STILL_WAITING, WORK_DONE, workFailed, type Awaited, type AwaitedCheck } from './awaited-work';
import { checkBmcTasks } from './bmc-tasks';
import { planVolumes, raidConfigOf, REDFISH_RAID_LEVELS, volumeApplyTime, type PlanStorage } from './raid-volume-plan';
import { redfishCall } from './redfish-failure';
import { withRedfishDriverInfo } from './with-redfish-driver-info';
import type { RedfishNodes } from './redfish-nodes';

/** driver_internal_info key: the volume tasks a waiting RAID step waits for, and the volumes still to create. */
export const RAID_AWAITED = 'redfish_raid_awaited';

/** A volume to create once the tasks in flight are done: the Volumes collection's path and the POST body. */
type PendingVolume = { volumes: string; body: VolumeCreateBody };

type RaidMemo = {
  operation: 'create' | 'delete';
  /** Task monitor paths of the creations and deletions the BMC is working on. */
  monitors: string[];
  pending: PendingVolume[];
};

/** What a batch of writes left to wait for. */
interface Submitted {
  monitors: string[];
  pending: PendingVolume[];
  /** Some write applies at the next reset (OnReset). */
  reboot: boolean;
}

/** A Storage that can hold volumes, read once per step. */
interface StorageView {
  storage: Storage;
  volumes: VolumeCollection;
  members: Volume[];
  drives: Drive[];
  supportedRaidTypes?: readonly string[];
}

/**
 * RAID through the System's Storage resources (Ironic's redfish raid): volumes are created in
 * the Volumes collection of the Storage whose drives they use, and deleted one by one. A BMC
 * that answers 202 gets a task monitor, polled by a periodic; when every task is done the node's
 * raid_config is written from the Volumes the BMC lists and the step goes on.
 */
export class RedfishRaidInterface extends withRedfishDriverInfo(RaidInterface) {
  static readonly interfaceName: string = 'redfish';

  private readonly awaited: AwaitedWork<RaidMemo>;

  constructor(private readonly nodes: RedfishNodes) {
    super();
    this.awaited = new AwaitedWork<RaidMemo>(RAID_AWAITED, 'raid', 'RAID configuration', nodes.options);
  }

  /** The generic schema, then what Redfish can build: its RAID levels, and no SCSI (as in Ironic). */
  override async validateRaidConfig(_task: DriverTask, raidConfig: unknown): Promise<RaidConfig> {
    const config = validateRaidConfig(raidConfig);
    const problems = config.logical_disks.flatMap((disk, index) => [
      ...(REDFISH_RAID_LEVELS.includes(disk.raid_level) ? [] : [`logical_disks[${index}].raid_level ${disk.raid_level} is not one the redfish RAID interface builds (${REDFISH_RAID_LEVELS.join(', ')})`]),
      ...(disk.interface_type === 'scsi' ? [`logical_disks[${index}].interface_type scsi is not supported by Redfish RAID`] : []),
    ]);
    if (problems.length > 0) throw new InvalidParameterValueError(`RAID configuration is invalid: ${problems.join('; ')}.`);
    return config;
  }

  /**
   * Plans every volume first (nothing is touched when the configuration cannot be built), then
   * deletes the existing volumes if asked, then creates the planned ones; waits (STEP_WAIT) for
   * the BMC's tasks, creating only after the deletions have finished.
   */
  async createConfiguration(task: DriverTask, options: RaidCreateOptions = {}): Promise<StepOutcome> {
    requireExclusiveLock(task);
    const { createRootVolume, createNonrootVolumes, deleteExisting } = resolveRaidCreateOptions(task, options);
    const target = await this.validateRaidConfig(task, task.node.targetRaidConfig);
    this.awaited.clear(task);
    const submitted = await redfishCall(task, 'creating the RAID configuration', async () => {
      const client = await this.nodes.client(task);
      const storages = await storageViews(await this.nodes.system(task));
      const wanted = target.logical_disks.filter((disk) => (disk.is_root_volume === true ? createRootVolume : createNonrootVolumes));
      const plan = planVolumes(wanted, storages.map((view) => planStorage(view, deleteExisting)));
      const pending = plan.map(({ storage, body }) => ({ volumes: storages.find((view) => view.storage.path === storage)!.volumes.path, body }));
      const deleted = deleteExisting ? await deleteVolumes(storages) : { monitors: [], pending: [], reboot: false };
      if (deleted.monitors.length > 0) return { ...deleted, pending };
      if (deleted.reboot) await setNodePower(task, REBOOT);
      return submitVolumes(client, pending);
    });
    return this.waitOrFinish(task, 'create', submitted);
  }

  /** Deletes every volume of every Storage; raid_config is emptied once the BMC is done. */
  async deleteConfiguration(task: DriverTask): Promise<StepOutcome> {
    requireExclusiveLock(task);
    this.awaited.clear(task);
    const submitted = await redfishCall(task, 'deleting the RAID configuration', async () => deleteVolumes(await storageViews(await this.nodes.system(task))));
    return this.waitOrFinish(task, 'delete', submitted);
  }

  @cleanStep({ priority: 0, name: 'create_configuration', argsinfo: RAID_CREATE_ARGSINFO, requiresRamdisk: false })
  async createConfigurationStep(task: DriverTask, args: StepArgs): Promise<StepOutcome> {
    return this.createConfiguration(task, raidCreateOptions(args));
  }

  @cleanStep({ priority: 0, name: 'delete_configuration', requiresRamdisk: false })
  @deployStep({ priority: 0, name: 'delete_configuration' })
  async deleteConfigurationStep(task: DriverTask): Promise<StepOutcome> {
    return this.deleteConfiguration(task);
  }

  /** Deploy-time RAID: the configuration comes with the step and becomes the node's target. */
  @deployStep({ priority: 0, name: 'apply_configuration', argsinfo: RAID_APPLY_ARGSINFO })
  async applyConfigurationStep(task: DriverTask, args: StepArgs): Promise<StepOutcome> {
    requireExclusiveLock(task);
    task.node.targetRaidConfig = { ...(await this.validateRaidConfig(task, args['raid_config'])) };
    return this.createConfiguration(task, raidCreateOptions(args));
  }

  /** Nodes waiting for volume tasks: the next volumes are created when the tasks before them are done; raid_config is written at the end. */
  @periodic<RedfishRaidInterface>({ spacing: (self) => self.nodes.options.statusCheckIntervalSeconds })
  async checkRaidTasks(context: PeriodicContext): Promise<void> {
    await this.awaited.poll(context, (task, memo) => this.checkTasks(task, memo));
  }

  private async checkTasks(task: DriverTask, memo: Awaited<RaidMemo>): Promise<AwaitedCheck> {
    const client = await this.nodes.client(task);
    const tasks = await checkBmcTasks(task, client, memo.monitors);
    const failed = (reason: string) => workFailed(`Redfish RAID ${memo.operation} for node ${task.node.uuid} failed: ${reason}`);
    if (tasks.failures.length > 0) return failed(tasks.failures.join(' '));
    if (tasks.running.length > 0) {
      this.awaited.update(task, { operation: memo.operation, monitors: tasks.running, pending: memo.pending });
      return STILL_WAITING;
    }
    if (memo.pending.length > 0) {
      // A write refused now is the step's failure, not a reason to try again at every check.
      let next: Submitted;
      try {
        next = await submitVolumes(client, memo.pending);
      } catch (error) {
        return failed(error instanceof Error ? error.message : String(error));
      }
      if (next.reboot) await setNodePower(task, REBOOT);
      if (next.monitors.length > 0 || next.pending.length > 0) {
        this.awaited.update(task, { operation: memo.operation, monitors: next.monitors, pending: next.pending });
        return STILL_WAITING;
      }
    }
    await this.recordRaidConfig(task, memo.operation);
    return WORK_DONE;
  }

  /** After the writes: reboot for OnReset ones, then wait for tasks and pending volumes, or record the result now. */
  private async waitOrFinish(task: DriverTask, operation: RaidMemo['operation'], submitted: Submitted): Promise<StepOutcome> {
    if (submitted.reboot && submitted.monitors.length > 0) await setNodePower(task, REBOOT);
    if (submitted.monitors.length > 0 || submitted.pending.length > 0) {
      this.awaited.start(task, { operation, monitors: submitted.monitors, pending: submitted.pending });
      return STEP_WAIT;
    }
    if (submitted.reboot) await setNodePower(task, REBOOT);
    await this.recordRaidConfig(task, operation);
  }

  /** raid_config as Ironic writes it: the volumes the BMC lists now (none after a delete). */
  private async recordRaidConfig(task: DriverTask, operation: RaidMemo['operation']): Promise<void> {
    if (operation === 'delete') {
      task.node.raidConfig = {};
      return;
    }
    const storages = await redfishCall(task, 'reading the RAID volumes', async () => storageViews(await this.nodes.system(task)));
    task.node.raidConfig = raidConfigOf(
      storages.flatMap(({ storage, members }) =>
        members.map((volume) => ({ id: volume.id ?? lastSegment(volume.path), name: volume.name, storage: storage.id ?? lastSegment(storage.path), capacityBytes: volume.capacityBytes, raidType: volume.raidType })),
      ),
    );
  }
}

/**
 * Creates the volumes in order. 201 is done, 202 a task to wait for. A creation that applies
 * OnReset holds back the other volumes of its collection until its task is done (controllers
 * take one pending configuration at a time, as Ironic assumes).
 */
async function submitVolumes(client: RedfishClient, volumes: readonly PendingVolume[]): Promise<Submitted> {
  const submitted: Submitted = { monitors: [], pending: [], reboot: false };
  const held = new Set<string>();
  for (const volume of volumes) {
    if (held.has(volume.volumes)) {
      submitted.pending.push(volume);
      continue;
    }
    const collection = await load(client.connection, volume.volumes, (init) => new VolumeCollection(init));
    const applyTime = volumeApplyTime(collection.operationApplyTimeSupport);
    const result = await collection.create(volume.body, applyTime);
    if (applyTime === 'OnReset') submitted.reboot = true;
    if (result instanceof TaskMonitor) {
      submitted.monitors.push(result.path);
      if (applyTime === 'OnReset') held.add(volume.volumes);
    }
  }
  return submitted;
}

/** DELETE on every volume listed; 204 is done, 202 a task to wait for. */
async function deleteVolumes(storages: readonly StorageView[]): Promise<Submitted> {
  const submitted: Submitted = { monitors: [], pending: [], reboot: false };
  for (const { volumes, members } of storages) {
    const applyTime = volumeApplyTime(volumes.operationApplyTimeSupport);
    for (const volume of members) {
      const result = await volume.delete(applyTime);
      if (applyTime === 'OnReset') submitted.reboot = true;
      if (result instanceof TaskMonitor) submitted.monitors.push(result.path);
    }
  }
  return submitted;
}

/**
 * The System's Storage subsystems that have a Volumes collection, with their drives, volumes and
 * the RAID types their controllers list. A Storage whose controllers list no RAID type at all is
 * left out, as Ironic does (an HBA).
 */
async function storageViews(system: ComputerSystem): Promise<StorageView[]> {
  const collection = await system.storage();
  if (!collection) throw new RedfishUnsupportedError(system.connection.url(system.path), 'a Storage collection (RAID)');
  const views: StorageView[] = [];
  for (const storage of await collection.members()) {
    const volumes = await storage.volumes();
    const supportedRaidTypes = await raidTypesOf(storage);
    if (!volumes || supportedRaidTypes?.length === 0) continue;
    views.push({ storage, volumes, members: await volumes.members(), drives: await storage.drives(), supportedRaidTypes });
  }
  return views;
}

/** The RAIDTypes the Storage's controllers list (embedded, else the Controllers collection); undefined when none says. */
async function raidTypesOf(storage: Storage): Promise<readonly string[] | undefined> {
  let lists = storage.storageControllers.map((controller) => controller.supportedRaidTypes);
  if (storage.storageControllers.length === 0) {
    const controllers = await storage.controllers();
    lists = controllers ? (await controllers.members()).map((controller) => asStrings(controller.json['SupportedRAIDTypes'])) : [];
  }
  const listed = lists.filter((list): list is string[] => list !== undefined);
  return listed.length > 0 ? [...new Set(listed.flat())] : undefined;
}

function planStorage(view: StorageView, deleteExisting: boolean): PlanStorage {
  const used = new Set(view.members.flatMap((volume) => volume.drivePaths.map(comparablePath)));
  return {
    id: view.storage.id ?? lastSegment(view.storage.path),
    path: view.storage.path,
    supportedRaidTypes: view.supportedRaidTypes,
    drives: view.drives.map((drive) => ({
      id: drive.id ?? lastSegment(drive.path),
      path: drive.path,
      capacityBytes: drive.capacityBytes ?? 0,
      mediaType: drive.mediaType,
      protocol: drive.protocol,
      inUse: !deleteExisting && used.has(comparablePath(drive.path)),
    })),
  };
}

function comparablePath(path: string): string {
  return path.replace(/\/+$/, '').toLowerCase();
}
