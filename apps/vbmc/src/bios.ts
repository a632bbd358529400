import { isObject, JsonObject } from './json';
import { RedfishErrors } from './redfish-error';
import { bodyObject } from './request-body';
import { SystemState } from './system-state';

/**
 * BIOS settings as real BMCs stage them: a PATCH to the settings object only records pending
 * attributes; the next boot applies them (after a pending factory reset, if any).
 */

export function currentAttributes(state: SystemState): JsonObject {
  return state.biosAttributes ?? state.template.biosAttributes;
}

export function patchBiosSettings(state: SystemState, body: unknown): void {
  const patch = bodyObject(body);
  for (const name of Object.keys(patch)) {
    if (name !== 'Attributes' && name !== '@Redfish.SettingsApplyTime' && !name.startsWith('@odata.')) throw RedfishErrors.propertyUnknown(name);
  }
  const applyTime = patch['@Redfish.SettingsApplyTime'];
  if (applyTime !== undefined && (!isObject(applyTime) || (applyTime.ApplyTime !== undefined && applyTime.ApplyTime !== 'OnReset'))) {
    throw RedfishErrors.propertyValueNotInList(isObject(applyTime) ? applyTime.ApplyTime : applyTime, '@Redfish.SettingsApplyTime/ApplyTime');
  }
  const attributes = patch.Attributes;
  if (attributes === undefined) throw RedfishErrors.propertyMissing('Attributes');
  if (!isObject(attributes)) throw RedfishErrors.propertyValueTypeError(attributes, 'Attributes');
  const known = state.template.biosAttributes;
  for (const [name, value] of Object.entries(attributes)) {
    if (!(name in known)) throw RedfishErrors.propertyUnknown(`Attributes/${name}`);
    const expected = known[name];
    if (expected !== null && value !== null && typeof value !== typeof expected) throw RedfishErrors.propertyValueTypeError(value, `Attributes/${name}`);
  }
  state.biosPending = { ...(state.biosPending ?? {}), ...attributes };
}

export function resetBios(state: SystemState, body: unknown): void {
  bodyObject(body);
  state.biosResetPending = true;
}

/** Part of every boot: factory reset first (if asked), then the pending attributes. */
export function applyBiosOnReset(state: SystemState, at: number): void {
  if (!state.biosResetPending && !state.biosPending) return;
  let attributes = state.biosResetPending ? { ...state.template.biosAttributes } : { ...currentAttributes(state) };
  if (state.biosPending) attributes = { ...attributes, ...state.biosPending };
  state.biosAttributes = attributes;
  state.biosPending = undefined;
  state.biosResetPending = false;
  state.biosAppliedAt = new Date(at).toISOString();
}

/** The current-settings resource: attributes, reset flag, and `@Redfish.Settings` for the settings object. */
export function presentBios(doc: JsonObject, state: SystemState, settingsEtag: string): void {
  doc.Attributes = currentAttributes(state);
  if ('ResetBiosToDefaultsPending' in doc || state.biosResetPending) doc.ResetBiosToDefaultsPending = state.biosResetPending;
  const settings = isObject(doc['@Redfish.Settings']) ? doc['@Redfish.Settings'] : {};
  // The template's Messages/Time describe the captured BMC's history, not this clone's: an old
  // SettingsFailed there would make Ironic report a failed apply.
  const { Messages: _messages, Time: _time, ...rest } = settings;
  doc['@Redfish.Settings'] = {
    ...rest,
    ETag: settingsEtag,
    Messages: state.biosAppliedAt ? [{ MessageId: 'Base.1.8.Success', Message: 'The BIOS settings were applied.', Severity: 'OK' }] : [],
    ...(state.biosAppliedAt ? { Time: state.biosAppliedAt } : {}),
  };
}

/** The settings object lists only what is pending, so a client can tell pending from current. */
export function presentBiosSettings(doc: JsonObject, state: SystemState): void {
  doc.Attributes = state.biosPending ?? {};
}
