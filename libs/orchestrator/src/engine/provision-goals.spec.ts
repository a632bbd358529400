import { transition, type ProvisionEvent, type ProvisionState } from '@slipway/provisioning';
import { RESTING_NODE } from './__fixtures__/example-site.fixture';
import { DEPLOYED, DESTROYED, INSPECTED, MANAGED, nextMove, nextPowerMove, type NodeObservation, type ProvisionGoal } from './provision-goals';

const at = (provisionState: string, more: Partial<NodeObservation> = {}): NodeObservation => ({ ...RESTING_NODE, provisionState, ...more });

const GOALS: Array<[string, ProvisionGoal]> = [
  ['MANAGED', MANAGED],
  ['INSPECTED', INSPECTED],
  ['DEPLOYED', DEPLOYED],
  ['DESTROYED', DESTROYED],
];

describe('provision goals', () => {
  it.each(GOALS)('%s fires only events the state machine accepts in that state', (_name, goal) => {
    for (const [state, rule] of Object.entries(goal.rules)) {
      if (typeof rule === 'object' && 'act' in rule) expect([state, transition(state as ProvisionState, rule.act)?.state]).toEqual([state, expect.any(String)]);
    }
  });

  it('deploy_node: provides a manageable node, waits for cleaning, deploys, waits, and is done when active', () => {
    const fired = new Set<ProvisionEvent>();
    const walk: string[] = [];
    for (const state of ['manageable', 'cleaning', 'clean wait', 'available', 'deploying', 'wait call-back', 'active']) {
      const move = nextMove(DEPLOYED, at(state, { targetProvisionState: state === 'active' || state === 'manageable' || state === 'available' ? null : 'active' }), fired);
      walk.push(move.kind === 'act' ? move.event : move.kind);
      if (move.kind === 'act') fired.add(move.event);
    }
    expect(walk).toEqual(['provide', 'wait', 'wait', 'deploy', 'wait', 'wait', 'complete']);
  });

  it('deploys again a node whose earlier deploy failed, but fails when its own deploy fails, with last_error', () => {
    expect(nextMove(DEPLOYED, at('deploy failed', { targetProvisionState: 'active' }), new Set())).toEqual({ kind: 'act', event: 'deploy' });
    expect(nextMove(DEPLOYED, at('deploy failed', { targetProvisionState: 'active', lastError: 'image write failed' }), new Set(['deploy']))).toEqual({
      kind: 'failed',
      reason: 'The node is deploy failed after deploy: image write failed',
    });
    expect(nextMove(DEPLOYED, at('available', { lastError: 'no image' }), new Set(['provide', 'deploy']))).toMatchObject({ kind: 'failed' });
    // Provided, it is available: now it is deployed.
    expect(nextMove(DEPLOYED, at('available'), new Set(['provide']))).toEqual({ kind: 'act', event: 'deploy' });
  });

  it('fails at once where the table says so, and for a node in maintenance that needs an event', () => {
    expect(nextMove(DEPLOYED, at('enroll'), new Set())).toEqual({ kind: 'failed', reason: 'The node is not managed yet: run prepare_nodes first (the node is enroll)' });
    expect(nextMove(DEPLOYED, at('clean failed', { lastError: 'erase failed' }), new Set())).toEqual({ kind: 'failed', reason: 'Cleaning failed (the node is clean failed): erase failed' });
    expect(nextMove(DEPLOYED, at('available', { maintenance: true, maintenanceReason: 'fan' }), new Set())).toEqual({ kind: 'failed', reason: 'The node is in maintenance (fan), so it cannot deploy' });
    // Waiting needs no event: maintenance does not matter then.
    expect(nextMove(DEPLOYED, at('deploying', { maintenance: true, targetProvisionState: 'active' }), new Set())).toEqual({ kind: 'wait' });
  });

  it('waits out a state the table does not name while the node is in a transition, and fails once it rests there', () => {
    expect(nextMove(DEPLOYED, at('rescuing', { targetProvisionState: 'rescue' }), new Set())).toEqual({ kind: 'wait' });
    expect(nextMove(DEPLOYED, at('rescue'), new Set())).toEqual({ kind: 'failed', reason: 'The node is rescue, from where it cannot become active' });
    expect(nextMove(DEPLOYED, at('rescue failed', { targetProvisionState: 'rescue', lastError: 'no agent' }), new Set())).toEqual({
      kind: 'failed',
      reason: 'The node is rescue failed, from where it cannot become active: no agent',
    });
  });

  it('configure_hardware: manages an enrolled node, leaves a node Ironic already uses alone, and inspects once', () => {
    expect(nextMove(MANAGED, at('enroll'), new Set())).toEqual({ kind: 'act', event: 'manage' });
    expect(nextMove(MANAGED, at('enroll', { lastError: 'BMC unreachable' }), new Set(['manage']))).toEqual({ kind: 'failed', reason: 'The node is enroll after manage: BMC unreachable' });
    expect(nextMove(MANAGED, at('inspect failed'), new Set())).toEqual({ kind: 'act', event: 'manage' });
    for (const state of ['manageable', 'available', 'active']) expect(nextMove(MANAGED, at(state), new Set())).toEqual({ kind: 'complete' });
    expect(nextMove(INSPECTED, at('manageable'), new Set())).toEqual({ kind: 'act', event: 'inspect' });
    expect(nextMove(INSPECTED, at('inspecting', { targetProvisionState: 'manageable' }), new Set(['inspect']))).toEqual({ kind: 'wait' });
    expect(nextMove(INSPECTED, at('manageable'), new Set(['inspect']))).toEqual({ kind: 'complete' });
    expect(nextMove(INSPECTED, at('inspect failed', { lastError: 'no disks' }), new Set(['inspect']))).toEqual({ kind: 'failed', reason: 'Inspection failed (the node is inspect failed): no disks' });
  });

  it('destroy_node: undeploys a deployed or failed node, and has nothing to do for a node with nothing deployed', () => {
    for (const state of ['active', 'deploy failed', 'error', 'wait call-back']) expect(nextMove(DESTROYED, at(state), new Set())).toEqual({ kind: 'act', event: 'delete' });
    for (const state of ['available', 'manageable', 'enroll']) expect(nextMove(DESTROYED, at(state), new Set())).toEqual({ kind: 'complete' });
    expect(nextMove(DESTROYED, at('deleting', { targetProvisionState: 'available' }), new Set(['delete']))).toEqual({ kind: 'wait' });
    expect(nextMove(DESTROYED, at('error', { lastError: 'tear down failed' }), new Set(['delete']))).toEqual({ kind: 'failed', reason: 'The node is error after delete: tear down failed' });
    expect(nextMove(DESTROYED, at('deploy hold'), new Set())).toMatchObject({ kind: 'failed' });
  });
});

describe('nextPowerMove', () => {
  it('acts once, waits while the conductor has a target, and checks where the power ended', () => {
    expect(nextPowerMove('rebooting', at('enroll'), false)).toEqual({ kind: 'act' });
    expect(nextPowerMove('rebooting', at('enroll', { targetPowerState: 'power on' }), true)).toEqual({ kind: 'wait' });
    expect(nextPowerMove('rebooting', at('enroll', { powerState: 'power on' }), true)).toEqual({ kind: 'complete' });
    expect(nextPowerMove('power off', at('enroll', { powerState: 'power on', lastError: 'BMC refused' }), true)).toEqual({
      kind: 'failed',
      reason: 'The node is power on after power off: BMC refused',
    });
  });
});
