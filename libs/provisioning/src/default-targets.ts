import { PROVISION_STATES as S, type ProvisionState, type StableProvisionState } from './states';

/**
 * The stable state each busy, waiting, held or failed state heads toward. It becomes the node's
 * `target_provision_state` when the node enters that state. Stable states have none.
 */
const DEFAULT_TARGETS: Readonly<Record<ProvisionState, StableProvisionState | null>> = {
  [S.ENROLL]: null,
  [S.MANAGEABLE]: null,
  [S.AVAILABLE]: null,
  [S.ACTIVE]: null,
  [S.ERROR]: null,
  [S.RESCUE]: null,
  [S.VERIFYING]: S.MANAGEABLE,
  [S.DEPLOYING]: S.ACTIVE,
  [S.DEPLOYWAIT]: S.ACTIVE,
  [S.DEPLOYFAIL]: S.ACTIVE,
  [S.DEPLOYHOLD]: S.ACTIVE,
  [S.CLEANING]: S.AVAILABLE,
  [S.CLEANWAIT]: S.AVAILABLE,
  [S.CLEANFAIL]: S.AVAILABLE,
  [S.CLEANHOLD]: S.AVAILABLE,
  [S.DELETING]: S.AVAILABLE,
  [S.INSPECTING]: S.MANAGEABLE,
  [S.INSPECTWAIT]: S.MANAGEABLE,
  [S.INSPECTFAIL]: S.MANAGEABLE,
  [S.ADOPTING]: S.ACTIVE,
  [S.ADOPTFAIL]: S.ACTIVE,
  [S.RESCUING]: S.RESCUE,
  [S.RESCUEWAIT]: S.RESCUE,
  [S.RESCUEFAIL]: S.RESCUE,
  [S.UNRESCUING]: S.ACTIVE,
  [S.UNRESCUEFAIL]: S.ACTIVE,
  [S.SERVICING]: S.ACTIVE,
  [S.SERVICEWAIT]: S.ACTIVE,
  [S.SERVICEFAIL]: S.ACTIVE,
  [S.SERVICEHOLD]: S.ACTIVE,
};

/** The default target of `state`, or null for a stable state. */
export function targetFor(state: ProvisionState): StableProvisionState | null {
  return DEFAULT_TARGETS[state];
}
