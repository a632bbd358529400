import {
  BIOS_SETTINGS_ARGSINFO,
  BiosInterface,
  biosSettingsArg,
  checkBiosSettings,
  cleanStep,
  deployStep,
  periodic,
  REBOOT,
  requireExclusiveLock,
  setNodePower,
  STEP_WAIT,
  type BiosSetting,
  type DriverTask,
  type PeriodicContext,
  type StepArgs,
  type StepOutcome,
} from '@slipway/drivers-framework';
import { RedfishUnsupportedError, type Bios, type ComputerSystem, type RedfishMessage } from '@slipway/redfish-client';
import { AwaitedWork, STILL_WAITING, WORK_DONE, workFailed, type Awaited, type AwaitedCheck } from './awaited-work';
import { biosSettingsOf, notYetApplied, planBiosChange, type SettingValue } from './bios-change';
import { redfishCall } from './redfish-failure';
import { withRedfishDriverInfo } from './with-redfish-driver-info';
import type { RedfishNodes } from './redfish-nodes';

/** driver_internal_info key: the BIOS values a waiting apply_configuration expects after the reboot. */
export const BIOS_AWAITED = 'redfish_bios_awaited';

type BiosMemo = {
  /** Requested values (Ironic's strings) that were not current when the step ran. */
  attributes: Record<string, SettingValue>;
  /** `@Redfish.Settings.Time` before the change: Messages of a later application are about ours. */
  settings_time?: string;
};

/**
 * BIOS settings through the System's Bios resource (Ironic's redfish bios). Changes are written
 * to the settings object to apply at the next reset, the node is rebooted, and the step waits
 * until a periodic check sees the values current (or the BMC report the application failed).
 */
export class RedfishBiosInterface extends withRedfishDriverInfo(BiosInterface) {
  static readonly interfaceName: string = 'redfish';

  private readonly awaited: AwaitedWork<BiosMemo>;

  constructor(private readonly nodes: RedfishNodes) {
    super();
    this.awaited = new AwaitedWork<BiosMemo>(BIOS_AWAITED, 'bios', 'applying BIOS settings', nodes.options);
  }

  async cacheBiosSettings(task: DriverTask): Promise<BiosSetting[]> {
    return redfishCall(task, 'reading the BIOS settings', async () => biosSettingsOf((await biosOf(await this.nodes.system(task))).attributes));
  }

  /**
   * Stages the values that are not current yet and reboots; STEP_WAIT until they are applied.
   * Nothing to change: done at once, without a reboot. Values already pending are not sent
   * again (the reboot applies them); a different value pending is refused.
   */
  async applyConfiguration(task: DriverTask, settings: readonly BiosSetting[]): Promise<StepOutcome> {
    requireExclusiveLock(task);
    checkBiosSettings(settings);
    this.awaited.clear(task);
    const memo = await redfishCall(task, 'applying BIOS settings', async (): Promise<BiosMemo | undefined> => {
      const bios = await biosOf(await this.nodes.system(task));
      const change = planBiosChange(task.node.uuid, settings, bios.attributes, await bios.pendingAttributes());
      if (Object.keys(change.awaited).length === 0) return undefined;
      if (Object.keys(change.patch).length > 0) await bios.setAttributes(change.patch, { applyTime: 'OnReset' });
      task.log.info({ node: task.node.uuid, attributes: Object.keys(change.awaited) }, 'BIOS settings staged; rebooting to apply them');
      return { attributes: change.awaited, ...(bios.settings?.time ? { settings_time: bios.settings.time } : {}) };
    });
    if (!memo) {
      task.log.info({ node: task.node.uuid }, 'the requested BIOS settings are already current');
      return;
    }
    await setNodePower(task, REBOOT);
    this.awaited.start(task, memo);
    return STEP_WAIT;
  }

  /** ResetBios, then a reboot, which applies it; the conductor reads the new settings afterwards. */
  @cleanStep({ priority: 0 })
  @deployStep({ priority: 0 })
  async factoryReset(task: DriverTask): Promise<StepOutcome> {
    requireExclusiveLock(task);
    this.awaited.clear(task);
    await redfishCall(task, 'resetting the BIOS to factory defaults', async () => void (await (await biosOf(await this.nodes.system(task))).resetBios()));
    await setNodePower(task, REBOOT);
  }

  @cleanStep({ priority: 0, name: 'apply_configuration', argsinfo: BIOS_SETTINGS_ARGSINFO })
  @deployStep({ priority: 0, name: 'apply_configuration', argsinfo: BIOS_SETTINGS_ARGSINFO })
  async applyConfigurationStep(task: DriverTask, args: StepArgs): Promise<StepOutcome> {
    return this.applyConfiguration(task, biosSettingsArg(args, asIronicValue));
  }

  /** Nodes waiting for BIOS settings: resumed once the values are current, failed on a BMC error message or the timeout. */
  @periodic<RedfishBiosInterface>({ spacing: (self) => self.nodes.options.statusCheckIntervalSeconds })
  async checkBiosSettings(context: PeriodicContext): Promise<void> {
    await this.awaited.poll(context, (task, memo) => this.checkApplied(task, memo));
  }

  private async checkApplied(task: DriverTask, memo: Awaited<BiosMemo>): Promise<AwaitedCheck> {
    const bios = await biosOf(await this.nodes.system(task));
    const missing = notYetApplied(memo.attributes, bios.attributes);
    if (missing.length === 0) return WORK_DONE;
    const settings = bios.settings;
    // Messages describe the last application; before ours (same Time) they are someone else's.
    const fresh = settings !== undefined && (settings.time === undefined || settings.time !== memo.settings_time);
    const errors = fresh ? settings.messages.filter(isFailure) : [];
    if (errors.length === 0) return STILL_WAITING;
    const reported = errors.map((message) => message.message ?? message.messageId ?? message.severity).join(' ');
    return workFailed(`Redfish BIOS apply_configuration failed for node ${task.node.uuid}: the BMC reports: ${reported} Not applied: ${missing.join(', ')}.`);
  }
}

/** Ironic stores values as strings; a client may send numbers and Booleans as JSON has them. */
function asIronicValue(value: unknown): unknown {
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

async function biosOf(system: ComputerSystem): Promise<Bios> {
  const bios = await system.bios();
  if (!bios) throw new RedfishUnsupportedError(system.connection.url(system.path), 'a Bios resource (BIOS settings)');
  return bios;
}

/** A settings message that reports a failure: a severity other than OK; without one (older BMCs), any id but a Success. */
function isFailure(message: RedfishMessage): boolean {
  return message.severity !== undefined ? message.severity !== 'OK' : message.messageId !== undefined && !/\.Success$/.test(message.messageId);
}
