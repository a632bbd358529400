import { PROVISION_EVENTS as E, type ProvisionEvent } from './events';
import { PROVISION_STATES as S, type ProvisionState } from './states';

interface VerbSpec {
  readonly event: ProvisionEvent;
  /** The first microversion (1.N) that accepts the verb. */
  readonly minMinor: number;
}

/**
 * The `target` values of `PUT /v1/nodes/{node}/states/provision` and the event each one fires.
 * `deploy`/`undeploy` are the 1.73 spellings of `active`/`deleted`.
 */
const VERBS = {
  active: { event: E.DEPLOY, minMinor: 1 },
  deploy: { event: E.DEPLOY, minMinor: 73 },
  rebuild: { event: E.REBUILD, minMinor: 1 },
  deleted: { event: E.DELETE, minMinor: 1 },
  undeploy: { event: E.DELETE, minMinor: 73 },
  manage: { event: E.MANAGE, minMinor: 4 },
  provide: { event: E.PROVIDE, minMinor: 4 },
  inspect: { event: E.INSPECT, minMinor: 6 },
  abort: { event: E.ABORT, minMinor: 13 },
  clean: { event: E.CLEAN, minMinor: 15 },
  adopt: { event: E.ADOPT, minMinor: 17 },
  rescue: { event: E.RESCUE, minMinor: 38 },
  unrescue: { event: E.UNRESCUE, minMinor: 38 },
  unhold: { event: E.UNHOLD, minMinor: 85 },
  service: { event: E.SERVICE, minMinor: 87 },
} as const satisfies Record<string, VerbSpec>;

export type ProvisionVerb = keyof typeof VERBS;

export const PROVISION_VERBS: readonly ProvisionVerb[] = Object.freeze(Object.keys(VERBS) as ProvisionVerb[]);

/**
 * `abort` came to some states later than to the others: aborting inspection needs 1.41 and
 * aborting a deploy that waits for its callback needs 1.110.
 */
const ABORT_MIN_MINOR_BY_STATE: Readonly<Partial<Record<ProvisionState, number>>> = Object.freeze({
  [S.INSPECTWAIT]: 41,
  [S.DEPLOYWAIT]: 110,
});

export function isProvisionVerb(value: unknown): value is ProvisionVerb {
  return typeof value === 'string' && Object.hasOwn(VERBS, value);
}

/** The event a verb fires. */
export function eventForVerb(verb: ProvisionVerb): ProvisionEvent {
  return VERBS[verb].event;
}

/** The first microversion minor that accepts `verb` at all. */
export function verbMinMinor(verb: ProvisionVerb): number {
  return VERBS[verb].minMinor;
}

/** The first microversion minor that accepts `verb` on a node in `state` (only `abort` varies). */
export function verbMinMinorInState(verb: ProvisionVerb, state: ProvisionState): number {
  const base = VERBS[verb].minMinor;
  if (verb !== 'abort') return base;
  return Math.max(base, ABORT_MIN_MINOR_BY_STATE[state] ?? base);
}
