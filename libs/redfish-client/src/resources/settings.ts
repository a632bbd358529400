import { RedfishUnsupportedError } from '../redfish-errors';
import type { SettingsInfo } from './common-fields';
import { load, Resource } from './resource';
import { toWriteResult, type WriteResult } from './writes';

/**
 * The settings object (`@Redfish.Settings.SettingsObject`): where future values of a resource are
 * written (BIOS `Bios/Settings`, Lenovo `Bios/Pending`). Read fresh each time, because its ETag is
 * what a PATCH must carry and it changes with every write.
 */
export async function loadSettingsObject(resource: Resource, settings: SettingsInfo | undefined): Promise<Resource> {
  if (!settings) throw new RedfishUnsupportedError(resource.connection.url(resource.path), '@Redfish.Settings (a settings object)');
  return load(resource.connection, settings.objectPath, (init) => new Resource(init));
}

export interface SettingsWriteOptions {
  /**
   * `@Redfish.SettingsApplyTime.ApplyTime` (`Immediate`, `OnReset`, …). Sent only when the
   * resource lists it in SupportedApplyTimes: a BMC that lists none applies settings its own way
   * (usually on reset) and may reject the annotation.
   */
  applyTime?: string;
}

/** PATCHes `body` to the settings object, with its ETag and the apply time when supported. */
export async function patchSettings(resource: Resource, settings: SettingsInfo | undefined, body: Record<string, unknown>, options: SettingsWriteOptions = {}): Promise<WriteResult> {
  const target = await loadSettingsObject(resource, settings);
  const { applyTime } = options;
  const payload = applyTime !== undefined && settings?.supportedApplyTimes?.includes(applyTime) ? { ...body, '@Redfish.SettingsApplyTime': { ApplyTime: applyTime } } : body;
  const response = await resource.connection.patch(target.path, payload, target.etag);
  resource.invalidate();
  return toWriteResult(resource.connection, response);
}
