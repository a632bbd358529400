import { InvalidParameterValueError, type BootDevice, type DriverTask } from '@slipway/drivers-framework';
import { RedfishAccessError, RedfishHttpError, RedfishInvalidValueError, type BootOverride, type ComputerSystem } from '@slipway/redfish-client';
import type { RedfishNodes } from './redfish-nodes';
import type { RedfishQuirks } from './redfish-quirks';

/** Ironic boot device → BootSourceOverrideTarget. */
export const BOOT_TARGET_OF: Readonly<Partial<Record<BootDevice, string>>> = { pxe: 'Pxe', disk: 'Hdd', cdrom: 'Cd', bios: 'BiosSetup', 'uefi http': 'UefiHttp' };
/** And back; UsbCd is the virtual CD on some BMCs. */
export const BOOT_DEVICE_OF: Readonly<Record<string, BootDevice>> = { Pxe: 'pxe', Hdd: 'disk', Cd: 'cdrom', UsbCd: 'cdrom', BiosSetup: 'bios', UefiHttp: 'uefi http' };

/**
 * driver_internal_info key of the device a BMC refused to keep persistently (Continuous): it is
 * set once again before every power on and reboot (Ironic's redfish_boot_device).
 */
export const REMEMBERED_BOOT_DEVICE = 'redfish_boot_device';

/** Back-off for boot changes refused while the host is in POST (iLO). */
const POST_RETRIES = 6;
const POST_RETRY_FIRST_MS = 5000;

/**
 * Sets the boot device the way Ironic's redfish management does: the target checked against what
 * the BMC allows, BootSourceOverrideEnabled sent only when it changes (unless a quirk says
 * always), all three fields for BMCs that need them together, and Once instead of a refused
 * Continuous, remembered so the power interface sets it again before each boot.
 */
export async function setBootDevice(nodes: RedfishNodes, task: DriverTask, system: ComputerSystem, device: BootDevice, persistent: boolean, quirks: RedfishQuirks): Promise<void> {
  const target = bootTargetFor(system, device, quirks);
  const enabled = persistent ? 'Continuous' : 'Once';
  const modeBefore = system.boot.mode;
  try {
    await patchBoot(nodes, system, overrideFor(system, target, enabled, quirks), quirks);
    forgetRememberedDevice(task);
  } catch (error) {
    if (!persistent || !continuousRefused(error)) throw error;
    task.log.warn({ node: task.node.uuid, device, err: error }, 'the BMC refused a persistent boot device; setting it once and again before each boot');
    await system.refresh();
    await patchBoot(nodes, system, overrideFor(system, target, 'Once', quirks), quirks);
    task.node.driverInternalInfo = { ...task.node.driverInternalInfo, [REMEMBERED_BOOT_DEVICE]: device };
  }
  // The mode from before the change: the BMC has just reset it, so re-sending what it shows now would change nothing.
  if (quirks.resyncBootModeAfterBootDevice && modeBefore) {
    await system.refresh();
    if (system.boot.mode !== modeBefore) await patchBoot(nodes, system, { mode: modeBefore }, quirks);
  }
}

/**
 * Whether a failed Continuous means "this BMC does not keep a boot device": it lists no
 * Continuous among its allowable values (found before sending), or refused it with a 4xx that
 * is not about the credentials.
 */
function continuousRefused(error: unknown): boolean {
  if (error instanceof RedfishInvalidValueError) return error.parameter === 'BootSourceOverrideEnabled';
  return error instanceof RedfishHttpError && error.status < 500 && !(error instanceof RedfishAccessError);
}

/** Before a power on or reboot: the one-time device stands in for a refused persistent one. */
export async function restoreOneTimeBootDevice(nodes: RedfishNodes, task: DriverTask, system: ComputerSystem): Promise<void> {
  const device = task.node.driverInternalInfo[REMEMBERED_BOOT_DEVICE];
  if (typeof device !== 'string') return;
  const quirks = await nodes.quirks(task, system);
  await patchBoot(nodes, system, overrideFor(system, bootTargetFor(system, device as BootDevice, quirks), 'Once', quirks), quirks);
  await system.refresh();
}

export function forgetRememberedDevice(task: DriverTask): void {
  if (!(REMEMBERED_BOOT_DEVICE in task.node.driverInternalInfo)) return;
  const { [REMEMBERED_BOOT_DEVICE]: _dropped, ...rest } = task.node.driverInternalInfo;
  task.node.driverInternalInfo = rest;
}

/** The target for a device on this BMC, refused (400) when the BMC does not allow it. */
export function bootTargetFor(system: ComputerSystem, device: BootDevice, quirks: RedfishQuirks): string {
  const allowed = system.boot.targetAllowableValues;
  let target = BOOT_TARGET_OF[device];
  if (device === 'cdrom' && quirks.virtualCdBootTarget === 'UsbCd' && (!allowed || allowed.includes('UsbCd'))) target = 'UsbCd';
  if (!target || (allowed && !allowed.includes(target))) {
    const supported = supportedBootDevices(system);
    throw new InvalidParameterValueError(`Boot device ${device} is not supported by the BMC's system ${system.path}; supported: ${supported.join(', ') || 'none'}.`);
  }
  return target;
}

/** The Ironic boot devices this system allows (all Ironic knows when the BMC lists nothing). */
export function supportedBootDevices(system: ComputerSystem): BootDevice[] {
  const allowed = system.boot.targetAllowableValues ?? Object.values(BOOT_TARGET_OF);
  return [...new Set(allowed.map((target) => BOOT_DEVICE_OF[target]).filter((device): device is BootDevice => device !== undefined))];
}

/** The fields of one boot PATCH: Enabled only when it changes, all three for BMCs that need them. */
export function overrideFor(system: ComputerSystem, target: string, enabled: string, quirks: RedfishQuirks): BootOverride {
  const override: BootOverride = { target };
  if (quirks.alwaysSendBootEnabled || quirks.bootPatchNeedsAllFields || system.boot.enabled !== enabled) override.enabled = enabled;
  if (quirks.bootPatchNeedsAllFields) override.mode = system.boot.mode ?? 'UEFI';
  return override;
}

/** One boot PATCH, retried with back-off while an iLO host is in POST. */
export async function patchBoot(nodes: RedfishNodes, system: ComputerSystem, override: BootOverride, quirks: RedfishQuirks): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await system.setBoot(override);
    } catch (error) {
      const inPost = error instanceof RedfishHttpError && error.status === 400 && error.hasMessage('UnableToModifyDuringSystemPOST');
      if (!inPost || !quirks.retryBootChangesDuringPost || attempt >= POST_RETRIES) throw error;
      await nodes.options.sleep(POST_RETRY_FIRST_MS * 2 ** (attempt - 1));
      await system.refresh();
    }
  }
}
