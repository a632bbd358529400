import { PROVISION_STATES as S, STABLE_PROVISION_STATES, type ProvisionState } from './states';

function setOf(...states: ProvisionState[]): ReadonlySet<ProvisionState> {
  return new Set(states);
}

/** States that change only on request. */
export const STABLE_STATES: ReadonlySet<ProvisionState> = setOf(...STABLE_PROVISION_STATES);

/** States that move on by themselves (work in progress or waiting for a callback). */
export const UNSTABLE_STATES = setOf(
  S.DEPLOYING,
  S.DEPLOYWAIT,
  S.CLEANING,
  S.CLEANWAIT,
  S.VERIFYING,
  S.DELETING,
  S.INSPECTING,
  S.INSPECTWAIT,
  S.ADOPTING,
  S.RESCUING,
  S.RESCUEWAIT,
  S.UNRESCUING,
  S.SERVICING,
  S.SERVICEWAIT,
);

/**
 * States in which a node may be PATCHed although it has a target. Ironic's list also names
 * `service`, which is a verb and never a stored state, so that entry can never match and is left
 * out here.
 */
export const UPDATE_ALLOWED_STATES = setOf(
  S.DEPLOYFAIL,
  S.INSPECTING,
  S.INSPECTFAIL,
  S.INSPECTWAIT,
  S.CLEANFAIL,
  S.ERROR,
  S.VERIFYING,
  S.ADOPTFAIL,
  S.RESCUEFAIL,
  S.UNRESCUEFAIL,
  S.SERVICEHOLD,
  S.SERVICEFAIL,
);

/**
 * States in which a node may be deleted. `available` is included because Ironic's
 * `[conductor]allow_deleting_available_nodes` defaults to true; use `isDeleteAllowed` to honour
 * the setting when it is turned off.
 */
export const DELETE_ALLOWED_STATES = setOf(S.MANAGEABLE, S.ENROLL, S.ADOPTFAIL, S.AVAILABLE);

export function isDeleteAllowed(state: ProvisionState, options: { allowDeletingAvailableNodes?: boolean } = {}): boolean {
  if (state === S.AVAILABLE) return options.allowDeletingAvailableNodes ?? true;
  return DELETE_ALLOWED_STATES.has(state);
}

/**
 * Busy states whose work Ironic cannot resume after its conductor dies, so it fails the node.
 * Slipway resumes deploy/clean/inspect/service work from its persisted steps instead; this set
 * names the states the takeover logic must look at.
 */
export const STUCK_STATES_TREATED_AS_FAIL = setOf(
  S.DEPLOYING,
  S.CLEANING,
  S.VERIFYING,
  S.INSPECTING,
  S.ADOPTING,
  S.RESCUING,
  S.UNRESCUING,
  S.DELETING,
  S.SERVICING,
);

/** The `* failed` states. `error` (failed teardown) is not one of them, as in Ironic. */
export const FAILURE_STATES = setOf(
  S.DEPLOYFAIL,
  S.CLEANFAIL,
  S.INSPECTFAIL,
  S.RESCUEFAIL,
  S.UNRESCUEFAIL,
  S.ADOPTFAIL,
  S.SERVICEFAIL,
);

/** States that wait for an external callback (agent heartbeat, driver periodic). */
export const WAIT_STATES = setOf(S.DEPLOYWAIT, S.CLEANWAIT, S.INSPECTWAIT, S.RESCUEWAIT, S.SERVICEWAIT);

/** States entered through a `hold` step; only `unhold` or `abort` leave them. */
export const HOLD_STATES = setOf(S.DEPLOYHOLD, S.CLEANHOLD, S.SERVICEHOLD);

/** States in which the agent lookup endpoint finds a node. */
export const LOOKUP_ALLOWED_STATES = setOf(
  S.DEPLOYING,
  S.DEPLOYWAIT,
  S.CLEANING,
  S.CLEANWAIT,
  S.INSPECTING,
  S.INSPECTWAIT,
  S.RESCUING,
  S.RESCUEWAIT,
);

/** Lookup states when fast track is enabled (the agent may stay up between operations). */
export const FASTTRACK_LOOKUP_ALLOWED_STATES = setOf(
  S.ENROLL,
  S.MANAGEABLE,
  S.AVAILABLE,
  ...LOOKUP_ALLOWED_STATES,
  S.SERVICING,
  S.SERVICEWAIT,
  S.SERVICEHOLD,
);
