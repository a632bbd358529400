import type { RedfishMessage } from '../redfish-errors';
import { asString, asStrings, derived, type Field, type FieldPath, group, link, list, str, strings, valueAt } from './fields';

/** `Status`: State (Enabled, Absent, …) and Health (OK, Warning, Critical). */
export const statusField = (path: FieldPath = 'Status') => group(path, { state: str('State'), health: str('Health'), healthRollup: str('HealthRollup') });

export interface RedfishStatus {
  readonly state: string | undefined;
  readonly health: string | undefined;
  readonly healthRollup: string | undefined;
}

/** A list of Redfish messages (task and settings `Messages`). */
export const messagesField = (path: FieldPath = 'Messages'): Field<RedfishMessage[]> =>
  list(path, {
    messageId: str('MessageId'),
    message: str('Message'),
    severity: str('Severity'),
    messageArgs: derived((json) => asStrings(json['MessageArgs']) ?? []),
    relatedProperties: derived((json) => asStrings(json['RelatedProperties']) ?? []),
  });

/** An action: where to POST it, and the allowable values of its main parameter when listed. */
export interface RedfishAction {
  readonly target: string;
  /** `<parameter>@Redfish.AllowableValues`; undefined when the BMC lists none (then all are allowed). */
  readonly allowableValues: readonly string[] | undefined;
}

/** `Actions["#Name"]`, or undefined when the resource does not offer it (or gives no target). */
export function actionField(name: string, parameter?: string): Field<RedfishAction | undefined> {
  return {
    read: (json) => {
      const action = valueAt(json, ['Actions', name]);
      const target = asString(valueAt(action, 'target'));
      if (target === undefined) return undefined;
      return { target, allowableValues: parameter ? asStrings(valueAt(action, `${parameter}@Redfish.AllowableValues`)) : undefined };
    },
  };
}

/** `@Redfish.Settings`: where the pending (future) settings live and when they may be applied. */
export interface SettingsInfo {
  /** The settings object's path (`SettingsObject.@odata.id`), as given. */
  readonly objectPath: string;
  /** `SupportedApplyTimes`; undefined when not listed (then no apply time is sent). */
  readonly supportedApplyTimes: readonly string[] | undefined;
  /** Messages about the last application of the settings (failures show here). */
  readonly messages: readonly RedfishMessage[];
  /** The ETag of the settings object when they were last applied (not the one to PATCH with). */
  readonly appliedEtag: string | undefined;
  readonly time: string | undefined;
}

const settingsMessages = messagesField(['@Redfish.Settings', 'Messages']);
const settingsObject = link(['@Redfish.Settings', 'SettingsObject']);

export const settingsField: Field<SettingsInfo | undefined> = {
  read: (json) => {
    const objectPath = settingsObject.read(json);
    if (objectPath === undefined) return undefined;
    return {
      objectPath,
      supportedApplyTimes: asStrings(valueAt(json, ['@Redfish.Settings', 'SupportedApplyTimes'])),
      messages: settingsMessages.read(json),
      appliedEtag: asString(valueAt(json, ['@Redfish.Settings', 'ETag'])),
      time: asString(valueAt(json, ['@Redfish.Settings', 'Time'])),
    };
  },
};

/** `@Redfish.OperationApplyTimeSupport`: when an operation (create, delete, action) may take effect. */
export interface OperationApplyTimeSupport {
  readonly supportedValues: readonly string[];
  readonly maintenanceWindowStartTime: string | undefined;
  readonly maintenanceWindowDurationInSeconds: number | undefined;
}

export function operationApplyTimeSupportField(path: FieldPath = '@Redfish.OperationApplyTimeSupport'): Field<OperationApplyTimeSupport | undefined> {
  const values = strings([...(typeof path === 'string' ? [path] : path), 'SupportedValues']);
  return {
    read: (json) => {
      const support = valueAt(json, path);
      if (typeof support !== 'object' || support === null) return undefined;
      const duration = valueAt(support, 'MaintenanceWindowDurationInSeconds');
      return {
        supportedValues: values.read(json) ?? [],
        maintenanceWindowStartTime: asString(valueAt(support, 'MaintenanceWindowStartTime')),
        maintenanceWindowDurationInSeconds: typeof duration === 'number' ? duration : undefined,
      };
    },
  };
}
