import { targetFor } from './default-targets';
import { PROVISION_EVENTS as E, type ProvisionEvent } from './events';
import { PROVISION_STATES as S, isStableProvisionState, type ProvisionState, type StableProvisionState } from './states';

export interface Transition {
  readonly from: ProvisionState;
  readonly event: ProvisionEvent;
  readonly to: ProvisionState;
}

function t(from: ProvisionState, event: ProvisionEvent, to: ProvisionState): Transition {
  return Object.freeze({ from, event, to });
}

/** The whole provision state machine: every allowed (state, event) pair and where it lands. */
export const TRANSITIONS: readonly Transition[] = Object.freeze([
  t(S.ENROLL, E.MANAGE, S.VERIFYING),

  t(S.VERIFYING, E.DONE, S.MANAGEABLE),
  t(S.VERIFYING, E.FAIL, S.ENROLL),

  t(S.MANAGEABLE, E.PROVIDE, S.CLEANING),
  t(S.MANAGEABLE, E.CLEAN, S.CLEANING),
  t(S.MANAGEABLE, E.INSPECT, S.INSPECTING),
  t(S.MANAGEABLE, E.ADOPT, S.ADOPTING),

  t(S.AVAILABLE, E.DEPLOY, S.DEPLOYING),
  t(S.AVAILABLE, E.MANAGE, S.MANAGEABLE),

  t(S.DEPLOYING, E.WAIT, S.DEPLOYWAIT),
  t(S.DEPLOYING, E.HOLD, S.DEPLOYHOLD),
  t(S.DEPLOYING, E.DONE, S.ACTIVE),
  t(S.DEPLOYING, E.FAIL, S.DEPLOYFAIL),

  t(S.DEPLOYWAIT, E.RESUME, S.DEPLOYING),
  t(S.DEPLOYWAIT, E.HOLD, S.DEPLOYHOLD),
  t(S.DEPLOYWAIT, E.FAIL, S.DEPLOYFAIL),
  t(S.DEPLOYWAIT, E.ABORT, S.DEPLOYFAIL),
  t(S.DEPLOYWAIT, E.DELETE, S.DELETING),

  t(S.DEPLOYHOLD, E.UNHOLD, S.DEPLOYWAIT),
  t(S.DEPLOYHOLD, E.ABORT, S.DEPLOYFAIL),

  t(S.DEPLOYFAIL, E.REBUILD, S.DEPLOYING),
  t(S.DEPLOYFAIL, E.DEPLOY, S.DEPLOYING),
  t(S.DEPLOYFAIL, E.DELETE, S.DELETING),

  t(S.ACTIVE, E.REBUILD, S.DEPLOYING),
  t(S.ACTIVE, E.DELETE, S.DELETING),
  t(S.ACTIVE, E.RESCUE, S.RESCUING),
  t(S.ACTIVE, E.SERVICE, S.SERVICING),

  t(S.ERROR, E.REBUILD, S.DEPLOYING),
  t(S.ERROR, E.DELETE, S.DELETING),

  t(S.DELETING, E.CLEAN, S.CLEANING),
  t(S.DELETING, E.FAIL, S.ERROR),

  t(S.CLEANING, E.WAIT, S.CLEANWAIT),
  t(S.CLEANING, E.HOLD, S.CLEANHOLD),
  t(S.CLEANING, E.DONE, S.AVAILABLE),
  // How a manual clean ends: back where it started instead of `available`.
  t(S.CLEANING, E.MANAGE, S.MANAGEABLE),
  t(S.CLEANING, E.FAIL, S.CLEANFAIL),

  t(S.CLEANWAIT, E.RESUME, S.CLEANING),
  t(S.CLEANWAIT, E.HOLD, S.CLEANHOLD),
  t(S.CLEANWAIT, E.FAIL, S.CLEANFAIL),
  t(S.CLEANWAIT, E.ABORT, S.CLEANFAIL),

  t(S.CLEANHOLD, E.UNHOLD, S.CLEANWAIT),
  t(S.CLEANHOLD, E.ABORT, S.CLEANFAIL),

  t(S.CLEANFAIL, E.MANAGE, S.MANAGEABLE),

  t(S.INSPECTING, E.WAIT, S.INSPECTWAIT),
  t(S.INSPECTING, E.DONE, S.MANAGEABLE),
  t(S.INSPECTING, E.FAIL, S.INSPECTFAIL),

  t(S.INSPECTWAIT, E.RESUME, S.INSPECTING),
  t(S.INSPECTWAIT, E.DONE, S.MANAGEABLE),
  t(S.INSPECTWAIT, E.FAIL, S.INSPECTFAIL),
  t(S.INSPECTWAIT, E.ABORT, S.INSPECTFAIL),

  t(S.INSPECTFAIL, E.MANAGE, S.MANAGEABLE),
  t(S.INSPECTFAIL, E.INSPECT, S.INSPECTING),

  t(S.ADOPTING, E.DONE, S.ACTIVE),
  t(S.ADOPTING, E.FAIL, S.ADOPTFAIL),

  t(S.ADOPTFAIL, E.ADOPT, S.ADOPTING),
  t(S.ADOPTFAIL, E.MANAGE, S.MANAGEABLE),

  t(S.RESCUING, E.WAIT, S.RESCUEWAIT),
  t(S.RESCUING, E.DONE, S.RESCUE),
  t(S.RESCUING, E.FAIL, S.RESCUEFAIL),

  t(S.RESCUEWAIT, E.RESUME, S.RESCUING),
  t(S.RESCUEWAIT, E.FAIL, S.RESCUEFAIL),
  t(S.RESCUEWAIT, E.ABORT, S.RESCUEFAIL),
  t(S.RESCUEWAIT, E.DELETE, S.DELETING),

  t(S.RESCUE, E.RESCUE, S.RESCUING),
  t(S.RESCUE, E.UNRESCUE, S.UNRESCUING),
  t(S.RESCUE, E.DELETE, S.DELETING),

  t(S.RESCUEFAIL, E.RESCUE, S.RESCUING),
  t(S.RESCUEFAIL, E.UNRESCUE, S.UNRESCUING),
  t(S.RESCUEFAIL, E.DELETE, S.DELETING),

  t(S.UNRESCUING, E.DONE, S.ACTIVE),
  t(S.UNRESCUING, E.FAIL, S.UNRESCUEFAIL),

  t(S.UNRESCUEFAIL, E.RESCUE, S.RESCUING),
  t(S.UNRESCUEFAIL, E.UNRESCUE, S.UNRESCUING),
  t(S.UNRESCUEFAIL, E.DELETE, S.DELETING),

  t(S.SERVICING, E.WAIT, S.SERVICEWAIT),
  t(S.SERVICING, E.HOLD, S.SERVICEHOLD),
  t(S.SERVICING, E.DONE, S.ACTIVE),
  t(S.SERVICING, E.FAIL, S.SERVICEFAIL),

  t(S.SERVICEWAIT, E.RESUME, S.SERVICING),
  t(S.SERVICEWAIT, E.HOLD, S.SERVICEHOLD),
  t(S.SERVICEWAIT, E.FAIL, S.SERVICEFAIL),
  t(S.SERVICEWAIT, E.ABORT, S.SERVICEFAIL),
  t(S.SERVICEWAIT, E.DELETE, S.DELETING),

  t(S.SERVICEHOLD, E.SERVICE, S.SERVICING),
  t(S.SERVICEHOLD, E.UNHOLD, S.SERVICEWAIT),
  t(S.SERVICEHOLD, E.FAIL, S.SERVICEFAIL),
  t(S.SERVICEHOLD, E.ABORT, S.SERVICEFAIL),

  t(S.SERVICEFAIL, E.SERVICE, S.SERVICING),
  t(S.SERVICEFAIL, E.RESCUE, S.RESCUING),
  t(S.SERVICEFAIL, E.WAIT, S.SERVICEWAIT),
  t(S.SERVICEFAIL, E.HOLD, S.SERVICEHOLD),
  t(S.SERVICEFAIL, E.DELETE, S.DELETING),
  // Aborting a failed service gives the node back to its user as it is.
  t(S.SERVICEFAIL, E.ABORT, S.ACTIVE),
]);

/** state → event → next state, built once from the table. */
const NEXT = new Map<ProvisionState, Map<ProvisionEvent, ProvisionState>>();
for (const { from, event, to } of TRANSITIONS) {
  const byEvent = NEXT.get(from) ?? new Map<ProvisionEvent, ProvisionState>();
  if (byEvent.has(event)) throw new Error(`Duplicate transition ${from} --${event}-->`);
  byEvent.set(event, to);
  NEXT.set(from, byEvent);
}

export interface TransitionResult {
  state: ProvisionState;
  /** The new `target_provision_state`; null once a stable state is reached. */
  target: StableProvisionState | null;
}

export interface TransitionOptions {
  /**
   * Replaces the new state's default target, as Ironic's `process_event(target_state=…)` does.
   * A manual clean passes `manageable` on every event it fires (clean, wait, resume, hold,
   * unhold), because each unstable state otherwise sets its own default (`available`).
   */
  target?: StableProvisionState;
}

/**
 * Where `event` takes a node in `state`, with its new target; undefined when the machine does
 * not allow the event there. Reaching a stable state clears the target. Every unstable state has
 * a default target, so the previous target never carries over.
 */
export function transition(state: ProvisionState, event: ProvisionEvent, options: TransitionOptions = {}): TransitionResult | undefined {
  const next = NEXT.get(state)?.get(event);
  if (next === undefined) return undefined;
  if (isStableProvisionState(next)) return { state: next, target: null };
  return { state: next, target: options.target ?? targetFor(next) };
}

/** The events the machine accepts in `state`, in table order. */
export function allowedEvents(state: ProvisionState): ProvisionEvent[] {
  return [...(NEXT.get(state)?.keys() ?? [])];
}
