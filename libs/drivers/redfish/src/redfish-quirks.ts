/**
 * Vendor quirks, all in one table. Code asks `quirksFor(identity)` for a flag and never tests a
 * vendor name itself, so a new BMC's oddity is one row here (with the reason), not another `if`.
 * Behaviour every BMC may need (sushy's weak-ETag and empty-body retries, the one-time boot
 * fallback when Continuous is refused) lives in the client and the interfaces, not here.
 */

/**
 * What a BMC says it is: vendor (the node's properties.vendor, else ServiceRoot Vendor, else
 * System Manufacturer), the System's model, and the manager's model and firmware version.
 */
export interface BmcIdentity {
  vendor?: string | null;
  model?: string | null;
  bmcModel?: string | null;
  firmware?: string | null;
}

export interface RedfishQuirks {
  /** Every boot PATCH must carry Target, Enabled and Mode together (AMI-based BMCs). */
  bootPatchNeedsAllFields: boolean;
  /** Send BootSourceOverrideEnabled even when it is unchanged (others reject that; Supermicro needs it). */
  alwaysSendBootEnabled: boolean;
  /** Setting the boot device resets the boot mode to Legacy: set the mode again afterwards. */
  resyncBootModeAfterBootDevice: boolean;
  /** The boot target that boots the virtual CD, when the BMC allows it. */
  virtualCdBootTarget: 'Cd' | 'UsbCd';
  /** Changes made while the host is in POST are refused (400 UnableToModifyDuringSystemPOST): retry with back-off. */
  retryBootChangesDuringPost: boolean;
  /** Reading SecureBoot without a licence answers 403 OemLicenseNotPassed: report unknown, not an error. */
  secureBootNeedsLicence: boolean;
  /** Boot mode and secure boot changes are applied by a BIOS job at the next reboot. */
  bootSettingsApplyOnReboot: boolean;
  /** Only these virtual media slot Ids may be used (null: any). */
  virtualMediaSlots: readonly string[] | null;
}

export const DEFAULT_QUIRKS: Readonly<RedfishQuirks> = Object.freeze({
  bootPatchNeedsAllFields: false,
  alwaysSendBootEnabled: false,
  resyncBootModeAfterBootDevice: false,
  virtualCdBootTarget: 'Cd',
  retryBootChangesDuringPost: false,
  secureBootNeedsLicence: false,
  bootSettingsApplyOnReboot: false,
  virtualMediaSlots: null,
});

interface QuirkRow {
  /** Each given pattern must match (case-insensitive) its field of the identity. */
  vendor: RegExp;
  model?: RegExp;
  bmcModel?: RegExp;
  firmware?: RegExp;
  /** Rows that match a more specific model/firmware override what a general row set. */
  quirks: Partial<RedfishQuirks>;
  why: string;
}

/** Later rows override earlier ones, so general vendor rows come before model-specific rows. */
export const QUIRK_TABLE: readonly QuirkRow[] = [
  { vendor: /ami|american megatrends|asrockrack|redfish_compatible/i, quirks: { bootPatchNeedsAllFields: true }, why: 'AMI MegaRAC rejects a boot PATCH without Target, Enabled and Mode together' },
  { vendor: /supermicro/i, quirks: { alwaysSendBootEnabled: true, resyncBootModeAfterBootDevice: true, secureBootNeedsLicence: true }, why: 'Supermicro needs Enabled in every boot PATCH, resets the boot mode when the device changes, and licences SecureBoot' },
  { vendor: /supermicro/i, model: /x1[12]/i, quirks: { virtualCdBootTarget: 'UsbCd' }, why: 'Supermicro X11/X12 boots the virtual CD only as UsbCd' },
  { vendor: /supermicro/i, model: /ARS-111GL-NHR/i, quirks: { virtualCdBootTarget: 'Cd' }, why: 'this Supermicro model boots the virtual CD as Cd' },
  { vendor: /hpe|hewlett/i, quirks: { retryBootChangesDuringPost: true }, why: 'iLO refuses boot changes while the host is in POST' },
  { vendor: /dell/i, quirks: { bootSettingsApplyOnReboot: true }, why: 'iDRAC applies boot mode and secure boot changes through a BIOS job at reboot' },
  { vendor: /dell/i, bmcModel: /^(1[7-9]|[2-9]\d)G/i, quirks: { virtualMediaSlots: ['1'] }, why: 'iDRAC10 (17G and later) allows only virtual media slot 1' },
];

/** The quirks of a BMC: the defaults, overridden by every matching row in table order. */
export function quirksFor(identity: BmcIdentity, table: readonly QuirkRow[] = QUIRK_TABLE): RedfishQuirks {
  const matches = (pattern: RegExp | undefined, value: string | null | undefined) => pattern === undefined || (typeof value === 'string' && pattern.test(value));
  return table.reduce<RedfishQuirks>(
    (quirks, row) => (matches(row.vendor, identity.vendor) && matches(row.model, identity.model) && matches(row.bmcModel, identity.bmcModel) && matches(row.firmware, identity.firmware) ? { ...quirks, ...row.quirks } : quirks),
    { ...DEFAULT_QUIRKS },
  );
}
