import {
  cleanStep,
  deployStep,
  RAID_APPLY_ARGSINFO,
  RAID_CREATE_ARGSINFO,
  RaidInterface,
  raidCreateOptions,
  requireExclusiveLock,
  resolveRaidCreateOptions,
  validateRaidConfig,
  type DriverTask,
  type LogicalDisk,
  type RaidCreateOptions,
  type StepArgs,
  type StepOutcome,
} from '@slipway/drivers-framework';
import { FAKE_KNOB_PROPERTIES, FakeBehaviour } from './fake-behaviour';
import { clearFakeState, FAKE_STATE, readFakeState, writeFakeState } from './fake-state';

/** A simulated RAID controller: builds node.targetRaidConfig and reports it as node.raidConfig. */
export class FakeRaidInterface extends RaidInterface {
  static readonly interfaceName: string = 'fake';

  constructor(private readonly fake: FakeBehaviour = new FakeBehaviour()) {
    super();
  }

  getProperties(): Record<string, string> {
    return { ...FAKE_KNOB_PROPERTIES };
  }

  async validate(task: DriverTask): Promise<void> {
    this.fake.validate(task);
  }

  async createConfiguration(task: DriverTask, options: RaidCreateOptions = {}): Promise<StepOutcome> {
    requireExclusiveLock(task);
    const { createRootVolume, createNonrootVolumes, deleteExisting } = resolveRaidCreateOptions(task, options);
    const target = validateRaidConfig(task.node.targetRaidConfig);
    await this.fake.perform(task, 'raid', 'create_configuration');
    const wanted = target.logical_disks.filter((disk) => (disk.is_root_volume === true ? createRootVolume : createNonrootVolumes));
    const kept = deleteExisting ? [] : currentDisks(task);
    this.record(task, [...kept, ...wanted]);
  }

  async deleteConfiguration(task: DriverTask): Promise<StepOutcome> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'raid', 'delete_configuration');
    clearFakeState(task, FAKE_STATE.raidConfig);
    task.node.raidConfig = {};
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
    task.node.targetRaidConfig = { ...validateRaidConfig(args['raid_config']) };
    return this.createConfiguration(task, raidCreateOptions(args));
  }

  private record(task: DriverTask, disks: LogicalDisk[]): void {
    const config = { logical_disks: disks.map((disk) => ({ ...disk, controller: disk.controller ?? 'fake-raid-controller' })) };
    writeFakeState(task, FAKE_STATE.raidConfig, config);
    task.node.raidConfig = structuredClone(config);
  }
}

function currentDisks(task: DriverTask): LogicalDisk[] {
  const stored = readFakeState(task, FAKE_STATE.raidConfig) as { logical_disks?: LogicalDisk[] } | undefined;
  return stored?.logical_disks ?? [];
}
