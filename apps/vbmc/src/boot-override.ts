import { isObject, JsonObject, stringList } from './json';
import { RedfishErrors } from './redfish-error';
import { isHttpUrl, oneOf } from './request-body';
import { BootSettings, SystemState } from './system-state';

// The Redfish enums, used when the template does not narrow them with @Redfish.AllowableValues.
const TARGETS = ['None', 'Pxe', 'Floppy', 'Cd', 'Usb', 'Hdd', 'BiosSetup', 'Utilities', 'Diags', 'UefiShell', 'UefiTarget', 'SDCard', 'UefiHttp', 'RemoteDrive', 'UefiBootNext', 'Recovery'];
const ENABLED = ['Disabled', 'Once', 'Continuous'];
const MODES = ['Legacy', 'UEFI'];

/**
 * Applies a PATCH of `Boot` after validating every field against the template's allowable
 * values; nothing changes unless all of it is valid.
 */
export function patchBoot(state: SystemState, templateBoot: unknown, patch: unknown): void {
  if (!isObject(patch)) throw RedfishErrors.propertyValueTypeError(patch, 'Boot');
  const template = isObject(templateBoot) ? templateBoot : {};
  const allowed = (name: string, fallback: string[]) => stringList(template[`${name}@Redfish.AllowableValues`]) ?? fallback;
  const next: BootSettings = { ...state.boot };
  for (const [name, value] of Object.entries(patch)) {
    switch (name) {
      case 'BootSourceOverrideTarget':
        next.BootSourceOverrideTarget = oneOf(value, allowed(name, TARGETS), `Boot/${name}`);
        break;
      case 'BootSourceOverrideEnabled':
        next.BootSourceOverrideEnabled = oneOf(value, allowed(name, ENABLED), `Boot/${name}`);
        break;
      case 'BootSourceOverrideMode':
        // A System without the property (HPE Gen9) cannot switch modes: clients treat this 400 as "unsupported".
        if (!('BootSourceOverrideMode' in template)) throw RedfishErrors.propertyUnknown(`Boot/${name}`);
        next.BootSourceOverrideMode = oneOf(value, allowed(name, MODES), `Boot/${name}`);
        break;
      case 'HttpBootUri':
        if (value !== null && !isHttpUrl(value)) throw RedfishErrors.propertyValueFormatError(value, `Boot/${name}`);
        next.HttpBootUri = value;
        break;
      case 'UefiTargetBootSourceOverride':
        if (value !== null && typeof value !== 'string') throw RedfishErrors.propertyValueTypeError(value, `Boot/${name}`);
        next.UefiTargetBootSourceOverride = value;
        break;
      default:
        if (!name.startsWith('@')) throw name in template ? RedfishErrors.propertyNotWritable(`Boot/${name}`) : RedfishErrors.propertyUnknown(`Boot/${name}`);
    }
  }
  state.boot = next;
}

/** A `Once` override is used up by the boot that honoured it (DSP2046 BootSourceOverrideEnabled). */
export function consumeOnce(state: SystemState): void {
  if (state.boot.BootSourceOverrideEnabled === 'Once') state.boot = { ...state.boot, BootSourceOverrideEnabled: 'Disabled' };
}

/** The `Boot` object of a rendered System: the template's, with the clone's override on top. */
export function presentBoot(templateBoot: unknown, boot: BootSettings): JsonObject {
  const present: JsonObject = { ...(isObject(templateBoot) ? templateBoot : {}) };
  for (const [name, value] of Object.entries(boot)) if (value !== undefined) present[name] = value;
  return present;
}
