// Ironic's words for power states, boot devices, boot modes and indicators: clients read them.

export const POWER_ON = 'power on';
export const POWER_OFF = 'power off';
export const REBOOT = 'rebooting';
export const SOFT_REBOOT = 'soft rebooting';
export const SOFT_POWER_OFF = 'soft power off';
export const POWER_ERROR = 'error';

/** What a power interface can report. */
export type PowerState = typeof POWER_ON | typeof POWER_OFF | typeof POWER_ERROR;

/** What a power interface can be asked to do. */
export const POWER_TARGETS = [POWER_ON, POWER_OFF, REBOOT, SOFT_REBOOT, SOFT_POWER_OFF] as const;
export type PowerTarget = (typeof POWER_TARGETS)[number];

export function isPowerTarget(value: string): value is PowerTarget {
  return (POWER_TARGETS as readonly string[]).includes(value);
}

/** The stable state a power request ends in. */
export function stablePowerState(target: PowerTarget): typeof POWER_ON | typeof POWER_OFF {
  return target === POWER_OFF || target === SOFT_POWER_OFF ? POWER_OFF : POWER_ON;
}

export const BOOT_DEVICES = ['pxe', 'disk', 'cdrom', 'bios', 'safe', 'wanboot', 'iscsiboot', 'floppy', 'uefi http'] as const;
export type BootDevice = (typeof BOOT_DEVICES)[number];

export function isBootDevice(value: string): value is BootDevice {
  return (BOOT_DEVICES as readonly string[]).includes(value);
}

export const BOOT_MODES = ['bios', 'uefi'] as const;
export type BootMode = (typeof BOOT_MODES)[number];

export function isBootMode(value: string): value is BootMode {
  return (BOOT_MODES as readonly string[]).includes(value);
}

export const INDICATOR_STATES = ['off', 'on', 'blinking', 'unknown'] as const;
export type IndicatorState = (typeof INDICATOR_STATES)[number];

/** Hardware components that carry indicators (Ironic `components`). */
export const COMPONENTS = ['system', 'chassis', 'disk', 'power', 'nic'] as const;
export type Component = (typeof COMPONENTS)[number];
