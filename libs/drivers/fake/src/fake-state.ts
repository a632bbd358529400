import type { DriverTask } from '@slipway/drivers-framework';

/**
 * Where the fakes keep the state of the simulated hardware: keys of node.driverInternalInfo, so a
 * value survives across tasks, conductors and restarts exactly like the rest of the node.
 */
export const FAKE_STATE = Object.freeze({
  powerState: 'fake_power_state',
  bootDevice: 'fake_boot_device',
  bootDevicePersistent: 'fake_boot_device_persistent',
  bootMode: 'fake_boot_mode',
  secureBoot: 'fake_secure_boot',
  indicators: 'fake_indicators',
  nmiCount: 'fake_nmi_count',
  bmcResetCount: 'fake_bmc_reset_count',
  ramdisk: 'fake_ramdisk',
  instanceBoot: 'fake_instance_boot_prepared',
  deployPrepared: 'fake_deploy_prepared',
  cleaningPrepared: 'fake_cleaning_prepared',
  image: 'fake_image',
  raidConfig: 'fake_raid_config',
  biosSettings: 'fake_bios_settings',
  firmware: 'fake_firmware',
  consoleEnabled: 'fake_console_enabled',
  volumesAttached: 'fake_volumes_attached',
  rescued: 'fake_rescued',
});

export function readFakeState(task: DriverTask, key: string): unknown {
  return task.node.driverInternalInfo[key];
}

/** Replaces driverInternalInfo rather than editing it, so the conductor sees the change by reference. */
export function writeFakeState(task: DriverTask, key: string, value: unknown): void {
  task.node.driverInternalInfo = { ...task.node.driverInternalInfo, [key]: value };
}

export function clearFakeState(task: DriverTask, key: string): void {
  if (!(key in task.node.driverInternalInfo)) return;
  const { [key]: _removed, ...rest } = task.node.driverInternalInfo;
  task.node.driverInternalInfo = rest;
}
