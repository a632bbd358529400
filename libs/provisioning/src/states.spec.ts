import { targetFor } from './default-targets';
import { ALL_POWER_STATES, POWER_TARGETS, isPowerState } from './power-states';
import {
  DELETE_ALLOWED_STATES,
  FAILURE_STATES,
  HOLD_STATES,
  STABLE_STATES,
  STUCK_STATES_TREATED_AS_FAIL,
  UNSTABLE_STATES,
  UPDATE_ALLOWED_STATES,
  WAIT_STATES,
  isDeleteAllowed,
} from './state-sets';
import { ALL_PROVISION_STATES, PROVISION_STATES, isProvisionState, isStableProvisionState, type ProvisionState } from './states';

const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe('provision states', () => {
  it('spells every state as Ironic does', () => {
    expect([...ALL_PROVISION_STATES].sort()).toEqual(
      [
        'enroll', 'verifying', 'manageable', 'available', 'active', 'deploying', 'wait call-back', 'deploy failed',
        'deploy hold', 'deleting', 'error', 'cleaning', 'clean wait', 'clean failed', 'clean hold', 'inspecting',
        'inspect wait', 'inspect failed', 'adopting', 'adopt failed', 'rescuing', 'rescue wait', 'rescue failed',
        'rescue', 'unrescuing', 'unrescue failed', 'servicing', 'service wait', 'service failed', 'service hold',
      ].sort(),
    );
    expect(PROVISION_STATES.DEPLOYWAIT).toBe('wait call-back');
    expect(PROVISION_STATES.CLEANHOLD).toBe('clean hold');
  });

  it('recognises stored strings', () => {
    expect(isProvisionState('clean wait')).toBe(true);
    expect(isProvisionState('deploy complete')).toBe(false);
    expect(isProvisionState(null)).toBe(false);
    expect(isStableProvisionState('rescue')).toBe(true);
    expect(isStableProvisionState('rescuing')).toBe(false);
  });

  it('has the stable and unstable sets of the reference', () => {
    expect(sorted(STABLE_STATES)).toEqual(['active', 'available', 'enroll', 'error', 'manageable', 'rescue']);
    expect(sorted(UNSTABLE_STATES)).toEqual(
      [
        'deploying', 'wait call-back', 'cleaning', 'clean wait', 'verifying', 'deleting', 'inspecting', 'inspect wait',
        'adopting', 'rescuing', 'rescue wait', 'unrescuing', 'servicing', 'service wait',
      ].sort(),
    );
    for (const state of STABLE_STATES) expect(UNSTABLE_STATES.has(state)).toBe(false);
  });

  it('allows updates in the reference states (without the verb `service`)', () => {
    expect(sorted(UPDATE_ALLOWED_STATES)).toEqual(
      [
        'deploy failed', 'inspecting', 'inspect failed', 'inspect wait', 'clean failed', 'error', 'verifying',
        'adopt failed', 'rescue failed', 'unrescue failed', 'service hold', 'service failed',
      ].sort(),
    );
  });

  it('allows deletion in manageable, enroll, adopt failed and (by default) available', () => {
    expect(sorted(DELETE_ALLOWED_STATES)).toEqual(['adopt failed', 'available', 'enroll', 'manageable']);
    expect(isDeleteAllowed('available')).toBe(true);
    expect(isDeleteAllowed('available', { allowDeletingAvailableNodes: false })).toBe(false);
    expect(isDeleteAllowed('enroll', { allowDeletingAvailableNodes: false })).toBe(true);
    expect(isDeleteAllowed('active')).toBe(false);
  });

  it('names the stuck, failure, wait and hold states', () => {
    expect(sorted(STUCK_STATES_TREATED_AS_FAIL)).toEqual(
      ['deploying', 'cleaning', 'verifying', 'inspecting', 'adopting', 'rescuing', 'unrescuing', 'deleting', 'servicing'].sort(),
    );
    expect(sorted(FAILURE_STATES)).toEqual(
      ['deploy failed', 'clean failed', 'inspect failed', 'rescue failed', 'unrescue failed', 'adopt failed', 'service failed'].sort(),
    );
    expect(sorted(WAIT_STATES)).toEqual(['clean wait', 'inspect wait', 'rescue wait', 'service wait', 'wait call-back']);
    expect(sorted(HOLD_STATES)).toEqual(['clean hold', 'deploy hold', 'service hold']);
  });
});

describe('default targets', () => {
  const expectedTargets: Record<ProvisionState, string | null> = {
    enroll: null, manageable: null, available: null, active: null, error: null, rescue: null,
    verifying: 'manageable',
    deploying: 'active', 'wait call-back': 'active', 'deploy failed': 'active', 'deploy hold': 'active',
    cleaning: 'available', 'clean wait': 'available', 'clean failed': 'available', 'clean hold': 'available', deleting: 'available',
    inspecting: 'manageable', 'inspect wait': 'manageable', 'inspect failed': 'manageable',
    adopting: 'active', 'adopt failed': 'active',
    rescuing: 'rescue', 'rescue wait': 'rescue', 'rescue failed': 'rescue',
    unrescuing: 'active', 'unrescue failed': 'active',
    servicing: 'active', 'service wait': 'active', 'service failed': 'active', 'service hold': 'active',
  };

  it.each(Object.entries(expectedTargets))('%s heads to %s', (state, target) => {
    expect(targetFor(state as ProvisionState)).toBe(target);
  });

  it('only ever targets stable states, and gives every unstable one a target', () => {
    for (const state of ALL_PROVISION_STATES) {
      const target = targetFor(state);
      if (STABLE_STATES.has(state)) expect(target).toBeNull();
      else expect(isStableProvisionState(target)).toBe(true);
    }
  });
});

describe('power states', () => {
  it('spells them as Ironic does', () => {
    expect(ALL_POWER_STATES).toEqual(['power on', 'power off', 'rebooting', 'soft rebooting', 'soft power off', 'error']);
    expect(POWER_TARGETS).not.toContain('error');
    expect(isPowerState('soft power off')).toBe(true);
    expect(isPowerState('on')).toBe(false);
  });
});
