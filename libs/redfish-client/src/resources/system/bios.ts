import { actionField, settingsField } from '../common-fields';
import { field, str } from '../fields';
import { Resource, withFields } from '../resource';
import { loadSettingsObject, patchSettings, type SettingsWriteOptions } from '../settings';
import { postAction, postBodilessAction, type WriteResult } from '../writes';

/** BIOS attribute values, by attribute name (types per the attribute registry). */
export type BiosAttributes = Record<string, unknown>;

const asAttributes = (raw: unknown): BiosAttributes | undefined => (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...(raw as BiosAttributes) } : undefined);

/**
 * The BIOS of a system: current attributes here, future ones in the settings object
 * (`@Redfish.Settings`), applied at the next reset or as the apply time says.
 */
export class Bios extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  attributes: field('Attributes', asAttributes, {}),
  attributeRegistry: str('AttributeRegistry'),
  settings: settingsField,
  resetBiosAction: actionField('#Bios.ResetBios'),
  changePasswordAction: actionField('#Bios.ChangePassword'),
}) {
  /** The pending attributes (the settings object's Attributes; some BMCs list only changes). */
  async pendingAttributes(): Promise<BiosAttributes> {
    if (!this.settings) return {};
    return asAttributes((await loadSettingsObject(this, this.settings)).json['Attributes']) ?? {};
  }

  /** Writes attributes to the settings object (with its ETag, and the apply time if supported). */
  setAttributes(attributes: BiosAttributes, options: SettingsWriteOptions = {}): Promise<WriteResult> {
    return patchSettings(this, this.settings, { Attributes: attributes }, options);
  }

  /** Resets the attributes to their defaults (POST without a body; `{}` if the BMC insists). */
  resetBios(): Promise<WriteResult> {
    return postBodilessAction(this, this.resetBiosAction, '#Bios.ResetBios');
  }

  /** Changes a BIOS password (`PasswordName` as in the attribute registry, e.g. `AdminPassword`). */
  changePassword(newPassword: string, oldPassword: string, passwordName: string): Promise<WriteResult> {
    return postAction(this, this.changePasswordAction, '#Bios.ChangePassword', { NewPassword: newPassword, OldPassword: oldPassword, PasswordName: passwordName });
  }
}
