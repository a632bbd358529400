import { JsonObject, stringList } from './json';
import { RedfishErrors } from './redfish-error';
import { bodyObject, rejectUnknownParameters, rejectUnwritable } from './request-body';
import { SystemState } from './system-state';

const RESET_KEYS_TYPES = ['ResetAllKeysToDefault', 'DeleteAllKeys', 'DeletePK'];

/** PATCH SecureBoot: only `SecureBootEnable` is writable; it takes effect (CurrentBoot) at the next boot. */
export function patchSecureBoot(state: SystemState, current: JsonObject, body: unknown): void {
  const patch = bodyObject(body);
  rejectUnwritable(patch, ['SecureBootEnable'], current);
  if (patch.SecureBootEnable === undefined) return;
  if (typeof patch.SecureBootEnable !== 'boolean') throw RedfishErrors.propertyValueTypeError(patch.SecureBootEnable, 'SecureBootEnable');
  state.secureBootEnable = patch.SecureBootEnable;
}

export function resetKeys(current: JsonObject, body: unknown): void {
  const action = 'SecureBoot.ResetKeys';
  const params = bodyObject(body);
  rejectUnknownParameters(params, ['ResetKeysType'], action);
  const actions = current.Actions as JsonObject | undefined;
  const advertised = stringList((actions?.['#SecureBoot.ResetKeys'] as JsonObject | undefined)?.['ResetKeysType@Redfish.AllowableValues']);
  if (params.ResetKeysType === undefined) throw RedfishErrors.actionParameterMissing(action, 'ResetKeysType');
  if (typeof params.ResetKeysType !== 'string' || !(advertised ?? RESET_KEYS_TYPES).includes(params.ResetKeysType)) {
    throw RedfishErrors.actionParameterNotSupported(params.ResetKeysType, 'ResetKeysType', action);
  }
}

export function presentSecureBoot(doc: JsonObject, state: SystemState): void {
  if (state.secureBootEnable !== undefined) doc.SecureBootEnable = state.secureBootEnable;
  if (state.secureBootCurrent !== undefined) doc.SecureBootCurrentBoot = state.secureBootCurrent;
}
