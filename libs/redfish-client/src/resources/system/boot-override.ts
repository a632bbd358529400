import { RedfishInvalidValueError } from '../../redfish-errors';
import type { SettingsInfo } from '../common-fields';
import { group, str, strings } from '../fields';
import { type Resource } from '../resource';
import { loadSettingsObject } from '../settings';
import { patchResource } from '../writes';

/** `Boot` of a ComputerSystem: the boot override and the values the BMC allows for it. */
export const bootField = group('Boot', {
  /** `None`, `Pxe`, `Hdd`, `Cd`, `BiosSetup`, `UefiHttp`, `UefiTarget`, … */
  target: str('BootSourceOverrideTarget'),
  targetAllowableValues: strings('BootSourceOverrideTarget@Redfish.AllowableValues'),
  /** `Once`, `Continuous`, `Disabled`. */
  enabled: str('BootSourceOverrideEnabled'),
  enabledAllowableValues: strings('BootSourceOverrideEnabled@Redfish.AllowableValues'),
  /** `UEFI` or `Legacy`; absent on some BMCs (HPE Gen9). */
  mode: str('BootSourceOverrideMode'),
  modeAllowableValues: strings('BootSourceOverrideMode@Redfish.AllowableValues'),
  httpBootUri: str('HttpBootUri'),
  uefiTargetBootSourceOverride: str('UefiTargetBootSourceOverride'),
  bootOrder: strings('BootOrder'),
});

export type BootInfo = ReturnType<typeof bootField.read>;

/** The schema's values, checked when the BMC lists no allowable values of its own. */
const ENABLED_VALUES = ['Once', 'Continuous', 'Disabled'];
const MODE_VALUES = ['UEFI', 'Legacy'];

export interface BootOverride {
  target?: string;
  enabled?: string;
  mode?: string;
  /** For `UefiHttp` only (null or absent: the host takes the URL from DHCP). */
  httpBootUri?: string | null;
}

/**
 * Sets the boot override as asked, sending exactly the fields given (the driver decides about
 * re-sending unchanged values). Fields that the settings object's `Boot` has go there, with its
 * ETag; the rest to the System, with its ETag. Values are checked against the allowable values
 * first. A leftover HttpBootUri is cleared when not booting over HTTP.
 */
export async function setBootOverride(system: Resource & { readonly boot: BootInfo; readonly settings: SettingsInfo | undefined }, override: BootOverride): Promise<void> {
  const { boot } = system;
  const url = system.connection.url(system.path);
  const check = (parameter: string, value: string | undefined, allowed: readonly string[] | undefined) => {
    if (value !== undefined && allowed !== undefined && !allowed.includes(value)) throw new RedfishInvalidValueError(url, parameter, value, allowed);
  };
  check('BootSourceOverrideTarget', override.target, boot.targetAllowableValues);
  check('BootSourceOverrideEnabled', override.enabled, ENABLED_VALUES);
  check('BootSourceOverrideEnabled', override.enabled, boot.enabledAllowableValues);
  check('BootSourceOverrideMode', override.mode, MODE_VALUES);
  check('BootSourceOverrideMode', override.mode, boot.modeAllowableValues);

  const settingsObject = system.settings ? await loadSettingsObject(system, system.settings) : undefined;
  const pendingBoot = (settingsObject?.json['Boot'] ?? {}) as Record<string, unknown>;
  const toSettings: Record<string, unknown> = {};
  const toSystem: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => ((settingsObject && key in pendingBoot ? toSettings : toSystem)[key] = value);

  if (override.target !== undefined) put('BootSourceOverrideTarget', override.target);
  if (override.enabled !== undefined) put('BootSourceOverrideEnabled', override.enabled);
  if (override.mode !== undefined) put('BootSourceOverrideMode', override.mode);
  if (override.target === 'UefiHttp') put('HttpBootUri', override.httpBootUri ?? null);
  else if (!override.httpBootUri && (pendingBoot['HttpBootUri'] || boot.httpBootUri)) put('HttpBootUri', null);

  if (settingsObject && Object.keys(toSettings).length > 0) {
    await system.connection.patch(settingsObject.path, { Boot: toSettings }, settingsObject.etag);
    system.invalidate();
  }
  if (Object.keys(toSystem).length > 0) await patchResource(system, { Boot: toSystem });
}
