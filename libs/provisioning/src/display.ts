import { PROVISION_STATES as S, type ProvisionState } from './states';

const MINOR_AVAILABLE_STATE = 2;
const MINOR_INSPECT_WAIT_STATE = 39;

/**
 * `provision_state` as a client of microversion 1.`apiMinor` expects it: before 1.2 `available`
 * was the null state, and before 1.39 asynchronous inspection showed as `inspecting`.
 */
export function displayProvisionState(state: ProvisionState | null, apiMinor: number): ProvisionState | null {
  if (state === S.AVAILABLE && apiMinor < MINOR_AVAILABLE_STATE) return null;
  if (state === S.INSPECTWAIT && apiMinor < MINOR_INSPECT_WAIT_STATE) return S.INSPECTING;
  return state;
}

/**
 * `target_provision_state` for a client of microversion 1.`apiMinor`. Ironic rewrites only the
 * current state, never the target (targets are stable states, so `inspect wait` cannot occur, and
 * a target of `available` is shown as is even below 1.2); this keeps that behaviour and gives the
 * api one place to call for both fields.
 */
export function displayTargetProvisionState(target: ProvisionState | null, _apiMinor: number): ProvisionState | null {
  return target;
}
