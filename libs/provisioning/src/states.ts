/**
 * Provision states of a node, spelled as Ironic spells them: clients read and compare these
 * strings, so they are part of the API. Keys are Ironic's constant names.
 */
export const PROVISION_STATES = {
  ENROLL: 'enroll',
  VERIFYING: 'verifying',
  MANAGEABLE: 'manageable',
  AVAILABLE: 'available',
  ACTIVE: 'active',
  DEPLOYING: 'deploying',
  DEPLOYWAIT: 'wait call-back',
  DEPLOYFAIL: 'deploy failed',
  DEPLOYHOLD: 'deploy hold',
  DELETING: 'deleting',
  ERROR: 'error',
  CLEANING: 'cleaning',
  CLEANWAIT: 'clean wait',
  CLEANFAIL: 'clean failed',
  CLEANHOLD: 'clean hold',
  INSPECTING: 'inspecting',
  INSPECTWAIT: 'inspect wait',
  INSPECTFAIL: 'inspect failed',
  ADOPTING: 'adopting',
  ADOPTFAIL: 'adopt failed',
  RESCUING: 'rescuing',
  RESCUEWAIT: 'rescue wait',
  RESCUEFAIL: 'rescue failed',
  RESCUE: 'rescue',
  UNRESCUING: 'unrescuing',
  UNRESCUEFAIL: 'unrescue failed',
  SERVICING: 'servicing',
  SERVICEWAIT: 'service wait',
  SERVICEFAIL: 'service failed',
  SERVICEHOLD: 'service hold',
} as const;

export type ProvisionState = (typeof PROVISION_STATES)[keyof typeof PROVISION_STATES];

/** Every provision state, in the order of PROVISION_STATES. */
export const ALL_PROVISION_STATES: readonly ProvisionState[] = Object.freeze(Object.values(PROVISION_STATES));

const S = PROVISION_STATES;

/**
 * States that change only on request. They are the only valid targets: a node heading somewhere
 * always heads to one of these.
 */
export const STABLE_PROVISION_STATES = [S.ENROLL, S.MANAGEABLE, S.AVAILABLE, S.ACTIVE, S.ERROR, S.RESCUE] as const;

export type StableProvisionState = (typeof STABLE_PROVISION_STATES)[number];

const known: ReadonlySet<string> = new Set(ALL_PROVISION_STATES);
const stable: ReadonlySet<string> = new Set(STABLE_PROVISION_STATES);

/** Narrows a stored or received string (database row, RPC payload) to a provision state. */
export function isProvisionState(value: unknown): value is ProvisionState {
  return typeof value === 'string' && known.has(value);
}

export function isStableProvisionState(value: unknown): value is StableProvisionState {
  return typeof value === 'string' && stable.has(value);
}
