import { actionField } from '../common-fields';
import { bool, str } from '../fields';
import { Resource, withFields } from '../resource';
import { checkAllowed, patchResource, postAction, type WriteResult } from '../writes';

/** The ResetKeysType values of the SecureBoot schema, for BMCs that list no allowable values. */
export const RESET_KEYS_TYPES = ['ResetAllKeysToDefault', 'DeleteAllKeys', 'DeletePK'] as const;

/** UEFI Secure Boot of a system. */
export class SecureBoot extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  secureBootEnable: bool('SecureBootEnable'),
  /** `Enabled` / `Disabled`: whether the current boot used it. */
  secureBootCurrentBoot: str('SecureBootCurrentBoot'),
  /** `SetupMode`, `UserMode`, `AuditMode`, `DeployedMode`. */
  secureBootMode: str('SecureBootMode'),
  resetKeysAction: actionField('#SecureBoot.ResetKeys', 'ResetKeysType'),
}) {
  /** Turns secure boot on or off for the next boot (PATCH SecureBootEnable, with If-Match). */
  setEnabled(enabled: boolean): Promise<WriteResult> {
    return patchResource(this, { SecureBootEnable: enabled });
  }

  /** Resets the key databases (`ResetAllKeysToDefault`, `DeleteAllKeys`, `DeletePK`). */
  async resetKeys(resetKeysType: string): Promise<WriteResult> {
    checkAllowed(this, 'ResetKeysType', resetKeysType, this.resetKeysAction?.allowableValues ?? RESET_KEYS_TYPES);
    return postAction(this, this.resetKeysAction, '#SecureBoot.ResetKeys', { ResetKeysType: resetKeysType });
  }
}
