import { displayProvisionState, displayTargetProvisionState } from './display';
import { ALL_PROVISION_STATES } from './states';

describe('displayProvisionState', () => {
  it('shows available as null before 1.2', () => {
    expect(displayProvisionState('available', 1)).toBeNull();
    expect(displayProvisionState('available', 2)).toBe('available');
  });

  it('shows inspect wait as inspecting before 1.39', () => {
    expect(displayProvisionState('inspect wait', 38)).toBe('inspecting');
    expect(displayProvisionState('inspect wait', 1)).toBe('inspecting');
    expect(displayProvisionState('inspect wait', 39)).toBe('inspect wait');
  });

  it('leaves every other state, and null, alone', () => {
    for (const state of ALL_PROVISION_STATES) {
      if (state === 'available' || state === 'inspect wait') continue;
      expect(displayProvisionState(state, 1)).toBe(state);
    }
    expect(displayProvisionState(null, 1)).toBeNull();
  });
});

describe('displayTargetProvisionState', () => {
  it('never rewrites a target, as Ironic', () => {
    expect(displayTargetProvisionState('available', 1)).toBe('available');
    expect(displayTargetProvisionState('manageable', 1)).toBe('manageable');
    expect(displayTargetProvisionState(null, 1)).toBeNull();
  });
});
