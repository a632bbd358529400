import { POWER_STATES, PROVISION_EVENTS as E, PROVISION_STATES as S, type PowerState, type ProvisionEvent } from '@slipway/provisioning';

// The node steps that wait for the conductor drive an Ironic node towards a goal. Each goal is a
// data table: for each provision state, what the orchestrator does there. One loop (in the node
// step handler) reads the node, asks `nextMove`, acts or waits, until the goal is complete, failed
// or its step times out. Nothing here does I/O.

/**
 * What to do with a node in one provision state: nothing more (`complete`), wait for the
 * conductor, fire an event, or fail. `again` says what coming to this state after the step fired
 * the event already means: the work came back here on its own (`complete`, an inspection) or
 * failed (`fail`, with the node's last_error): a step fires each event once.
 */
export type StateRule = 'complete' | 'wait' | { act: ProvisionEvent; again: 'complete' | 'fail' } | { fail: string };

export interface ProvisionGoal {
  /** The state the goal is about, for messages. */
  name: string;
  rules: Readonly<Partial<Record<string, StateRule>>>;
}

/** What the loop reads of a node. */
export interface NodeObservation {
  provisionState: string;
  targetProvisionState: string | null;
  powerState: string | null;
  targetPowerState: string | null;
  maintenance: boolean;
  maintenanceReason: string | null;
  lastError: string | null;
}

/** Where a node is with respect to a goal when there is nothing to fire. */
export type NodeStanding = { kind: 'wait' } | { kind: 'complete' } | { kind: 'failed'; reason: string };
export type NodeMove = { kind: 'act'; event: ProvisionEvent } | NodeStanding;
export type PowerMove = { kind: 'act' } | NodeStanding;

const wait = 'wait' as const;
const complete = 'complete' as const;
const busy = {
  [S.VERIFYING]: wait,
  [S.CLEANING]: wait,
  [S.CLEANWAIT]: wait,
  [S.INSPECTING]: wait,
  [S.INSPECTWAIT]: wait,
  [S.DEPLOYING]: wait,
  [S.DEPLOYWAIT]: wait,
  [S.DELETING]: wait,
};

/** configure_hardware, first half: the node managed (verified). A node Ironic already provides or runs needs nothing. */
export const MANAGED: ProvisionGoal = {
  name: S.MANAGEABLE,
  rules: {
    ...busy,
    [S.ENROLL]: { act: E.MANAGE, again: 'fail' },
    [S.INSPECTFAIL]: { act: E.MANAGE, again: 'fail' },
    [S.CLEANFAIL]: { act: E.MANAGE, again: 'fail' },
    [S.ADOPTFAIL]: { act: E.MANAGE, again: 'fail' },
    [S.MANAGEABLE]: complete,
    [S.AVAILABLE]: complete,
    [S.ACTIVE]: complete,
    [S.DEPLOYFAIL]: complete,
    [S.ERROR]: complete,
  },
};

/** configure_hardware, second half (drivers that can inspect): a managed node inspected once. */
export const INSPECTED: ProvisionGoal = {
  name: 'inspected',
  rules: {
    ...busy,
    [S.MANAGEABLE]: { act: E.INSPECT, again: 'complete' },
    [S.INSPECTFAIL]: { fail: 'Inspection failed' },
    [S.AVAILABLE]: complete,
    [S.ACTIVE]: complete,
    [S.DEPLOYFAIL]: complete,
    [S.ERROR]: complete,
  },
};

/** deploy_node: provided when needed (manageable → available, cleaning), then deployed. */
export const DEPLOYED: ProvisionGoal = {
  name: S.ACTIVE,
  rules: {
    ...busy,
    [S.DEPLOYHOLD]: wait,
    [S.ENROLL]: { fail: 'The node is not managed yet: run prepare_nodes first' },
    [S.MANAGEABLE]: { act: E.PROVIDE, again: 'fail' },
    [S.CLEANFAIL]: { fail: 'Cleaning failed' },
    [S.INSPECTFAIL]: { fail: 'Inspection failed' },
    [S.AVAILABLE]: { act: E.DEPLOY, again: 'fail' },
    [S.DEPLOYFAIL]: { act: E.DEPLOY, again: 'fail' },
    [S.ACTIVE]: complete,
    [S.ERROR]: { fail: 'The node is in error' },
  },
};

/** destroy_node: undeployed (deleting, cleaning) until available; a node with nothing deployed needs nothing. */
export const DESTROYED: ProvisionGoal = {
  name: S.AVAILABLE,
  rules: {
    ...busy,
    [S.ACTIVE]: { act: E.DELETE, again: 'fail' },
    [S.DEPLOYFAIL]: { act: E.DELETE, again: 'fail' },
    [S.DEPLOYWAIT]: { act: E.DELETE, again: 'fail' },
    [S.ERROR]: { act: E.DELETE, again: 'fail' },
    [S.DEPLOYHOLD]: { fail: 'The deploy is held: unhold or abort it first' },
    [S.CLEANFAIL]: { fail: 'Cleaning failed' },
    [S.AVAILABLE]: complete,
    [S.MANAGEABLE]: complete,
    [S.ENROLL]: complete,
    [S.INSPECTFAIL]: complete,
  },
};

/**
 * The next move towards `goal` for a node in `node`'s state, the step having fired the events in
 * `fired` already. A state the table does not name is waited out while the node
 * is in a transition, and fails once it is at rest there or in a failed state.
 */
export function nextMove(goal: ProvisionGoal, node: NodeObservation, fired: ReadonlySet<ProvisionEvent>): NodeMove {
  const state = node.provisionState;
  const rule = goal.rules[state];
  const why = node.lastError ? `: ${node.lastError}` : '';
  if (rule === undefined) {
    const stuck = node.targetProvisionState === null || state.endsWith(' failed');
    return stuck ? { kind: 'failed', reason: `The node is ${state}, from where it cannot become ${goal.name}${why}` } : { kind: 'wait' };
  }
  if (rule === 'complete' || rule === 'wait') return { kind: rule };
  if ('fail' in rule) return { kind: 'failed', reason: `${rule.fail} (the node is ${state})${why}` };
  if (fired.has(rule.act)) {
    // The conductor moved the node on before it answered the event: the work is over, and it ended here.
    return rule.again === 'complete' ? { kind: 'complete' } : { kind: 'failed', reason: `The node is ${state} after ${rule.act}${why}` };
  }
  if (node.maintenance) return { kind: 'failed', reason: `The node is in maintenance${node.maintenanceReason ? ` (${node.maintenanceReason})` : ''}, so it cannot ${rule.act}` };
  return { kind: 'act', event: rule.act };
}

/** power_on/off/cycle: the state each power action ends in. */
export const POWER_ACTION_RESULT: Readonly<Record<string, PowerState>> = Object.freeze({
  [POWER_STATES.POWER_ON]: POWER_STATES.POWER_ON,
  [POWER_STATES.POWER_OFF]: POWER_STATES.POWER_OFF,
  [POWER_STATES.REBOOT]: POWER_STATES.POWER_ON,
});

/** The next move of a power action `target`, `acted` once the conductor took it. */
export function nextPowerMove(target: PowerState, node: NodeObservation, acted: boolean): PowerMove {
  if (!acted) return { kind: 'act' };
  if (node.targetPowerState !== null) return { kind: 'wait' };
  const wanted = POWER_ACTION_RESULT[target];
  if (node.powerState === wanted) return { kind: 'complete' };
  return { kind: 'failed', reason: `The node is ${node.powerState ?? 'in an unknown power state'} after ${target}${node.lastError ? `: ${node.lastError}` : ''}` };
}
