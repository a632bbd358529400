import { ALL_PROVISION_EVENTS } from './events';
import { ALL_PROVISION_STATES, isStableProvisionState, type ProvisionState } from './states';
import { targetFor } from './default-targets';
import { TRANSITIONS, allowedEvents, transition } from './transitions';

/**
 * An independent copy of the reference transition table (ironic-drydock.md §2.2), typed as text
 * so that a typo in TRANSITIONS cannot be copied into the expectation.
 */
const REFERENCE_TABLE = `
enroll | manage → verifying
verifying | done → manageable; fail → enroll
manageable | provide → cleaning; clean → cleaning; inspect → inspecting; adopt → adopting
available | deploy → deploying; manage → manageable
deploying | wait → wait call-back; hold → deploy hold; done → active; fail → deploy failed
wait call-back | resume → deploying; hold → deploy hold; fail → deploy failed; abort → deploy failed; delete → deleting
deploy hold | unhold → wait call-back; abort → deploy failed
deploy failed | rebuild → deploying; deploy → deploying; delete → deleting
active | rebuild → deploying; delete → deleting; rescue → rescuing; service → servicing
error | rebuild → deploying; delete → deleting
deleting | clean → cleaning; fail → error
cleaning | wait → clean wait; hold → clean hold; done → available; manage → manageable; fail → clean failed
clean wait | resume → cleaning; hold → clean hold; fail → clean failed; abort → clean failed
clean hold | unhold → clean wait; abort → clean failed
clean failed | manage → manageable
inspecting | wait → inspect wait; done → manageable; fail → inspect failed
inspect wait | resume → inspecting; done → manageable; fail → inspect failed; abort → inspect failed
inspect failed | manage → manageable; inspect → inspecting
adopting | done → active; fail → adopt failed
adopt failed | adopt → adopting; manage → manageable
rescuing | wait → rescue wait; done → rescue; fail → rescue failed
rescue wait | resume → rescuing; fail → rescue failed; abort → rescue failed; delete → deleting
rescue | rescue → rescuing; unrescue → unrescuing; delete → deleting
rescue failed | rescue → rescuing; unrescue → unrescuing; delete → deleting
unrescuing | done → active; fail → unrescue failed
unrescue failed | rescue → rescuing; unrescue → unrescuing; delete → deleting
servicing | wait → service wait; hold → service hold; done → active; fail → service failed
service wait | resume → servicing; hold → service hold; fail → service failed; abort → service failed; delete → deleting
service hold | service → servicing; unhold → service wait; fail → service failed; abort → service failed
service failed | service → servicing; rescue → rescuing; wait → service wait; hold → service hold; delete → deleting; abort → active
`;

function parseReference(text: string): Map<string, string> {
  const expected = new Map<string, string>();
  for (const line of text.trim().split('\n')) {
    const [from, rest] = line.split(' | ');
    for (const arc of rest.split('; ')) {
      const [event, to] = arc.split(' → ');
      expected.set(`${from} / ${event}`, to);
    }
  }
  return expected;
}

const expected = parseReference(REFERENCE_TABLE);

describe('the provision state machine', () => {
  const matrix = ALL_PROVISION_STATES.flatMap((state) => ALL_PROVISION_EVENTS.map((event) => [state, event] as const));

  it('has 30 states and 18 events, and the reference names only those', () => {
    expect(ALL_PROVISION_STATES).toHaveLength(30);
    expect(ALL_PROVISION_EVENTS).toHaveLength(18);
    for (const [key, to] of expected) {
      const [from, event] = key.split(' / ');
      expect(ALL_PROVISION_STATES).toContain(from);
      expect(ALL_PROVISION_EVENTS).toContain(event);
      expect(ALL_PROVISION_STATES).toContain(to);
    }
  });

  it.each(matrix)('%s --%s--> lands where the reference table says, or nowhere', (state, event) => {
    const result = transition(state, event);
    const to = expected.get(`${state} / ${event}`);
    if (to === undefined) expect(result).toBeUndefined();
    else expect(result?.state).toBe(to);
  });

  it('holds exactly the reference arcs, each once', () => {
    const table = TRANSITIONS.map((t) => `${t.from} / ${t.event} → ${t.to}`).sort();
    const reference = [...expected].map(([key, to]) => `${key} → ${to}`).sort();
    expect(table).toEqual(reference);
  });

  it('lets every state be left and every non-initial state be reached', () => {
    const reached = new Set(TRANSITIONS.map((t) => t.to));
    for (const state of ALL_PROVISION_STATES) {
      expect(allowedEvents(state).length).toBeGreaterThan(0);
      if (state !== 'enroll') expect(reached.has(state)).toBe(true);
    }
  });

  it('lists the allowed events of a state in table order', () => {
    expect(allowedEvents('manageable')).toEqual(['provide', 'clean', 'inspect', 'adopt']);
    expect(allowedEvents('clean failed')).toEqual(['manage']);
  });
});

describe('transition targets', () => {
  it.each(TRANSITIONS.map((t) => [t.from, t.event, t.to] as const))('%s --%s--> %s sets the default target of the new state', (from, event, to) => {
    const result = transition(from, event);
    expect(result?.target).toBe(isStableProvisionState(to) ? null : targetFor(to));
  });

  it('heads deploys to active, teardown and automated clean to available, inspection to manageable', () => {
    expect(transition('available', 'deploy')).toEqual({ state: 'deploying', target: 'active' });
    expect(transition('active', 'delete')).toEqual({ state: 'deleting', target: 'available' });
    expect(transition('manageable', 'provide')).toEqual({ state: 'cleaning', target: 'available' });
    expect(transition('manageable', 'inspect')).toEqual({ state: 'inspecting', target: 'manageable' });
    expect(transition('enroll', 'manage')).toEqual({ state: 'verifying', target: 'manageable' });
    expect(transition('active', 'rescue')).toEqual({ state: 'rescuing', target: 'rescue' });
    expect(transition('rescue', 'unrescue')).toEqual({ state: 'unrescuing', target: 'active' });
    expect(transition('active', 'service')).toEqual({ state: 'servicing', target: 'active' });
  });

  it('clears the target on reaching a stable state', () => {
    expect(transition('deploying', 'done')).toEqual({ state: 'active', target: null });
    expect(transition('verifying', 'fail')).toEqual({ state: 'enroll', target: null });
    expect(transition('deleting', 'fail')).toEqual({ state: 'error', target: null });
    expect(transition('service failed', 'abort')).toEqual({ state: 'active', target: null });
  });

  it('lets a manual clean keep manageable as its target through every step', () => {
    const manual = { target: 'manageable' } as const;
    expect(transition('manageable', 'clean', manual)).toEqual({ state: 'cleaning', target: 'manageable' });
    expect(transition('cleaning', 'wait', manual)).toEqual({ state: 'clean wait', target: 'manageable' });
    expect(transition('clean wait', 'hold', manual)).toEqual({ state: 'clean hold', target: 'manageable' });
    expect(transition('clean hold', 'unhold', manual)).toEqual({ state: 'clean wait', target: 'manageable' });
    expect(transition('clean wait', 'resume', manual)).toEqual({ state: 'cleaning', target: 'manageable' });
    expect(transition('cleaning', 'manage', manual)).toEqual({ state: 'manageable', target: null });
  });

  it('ignores an override when the event is not allowed', () => {
    expect(transition('manageable', 'deploy', { target: 'active' })).toBeUndefined();
  });

  it('gives the new state its default target when no override is passed, even mid manual clean', () => {
    const withoutOverride: ProvisionState = 'cleaning';
    expect(transition(withoutOverride, 'wait')).toEqual({ state: 'clean wait', target: 'available' });
  });
});
