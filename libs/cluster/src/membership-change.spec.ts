import { isMembershipChanged, membershipChange } from './membership-change';

const member = (hostname: string, hardwareTypes = ['fake-hardware'], conductorGroup = '') => ({ hostname, conductorGroup, hardwareTypes });

describe('membershipChange', () => {
  it('names who joined and who left, sorted', () => {
    const change = membershipChange([member('c2'), member('c1')], [member('c3'), member('c1'), member('c0')]);
    expect(change).toEqual({ joined: ['c0', 'c3'], left: ['c2'], changed: [] });
    expect(isMembershipChanged(change)).toBe(true);
  });

  it('sees a member that came back with another group or other hardware types', () => {
    expect(membershipChange([member('c1'), member('c2')], [member('c1', ['fake-hardware', 'redfish']), member('c2', ['fake-hardware'], 'Rack-1')])).toEqual({
      joined: [],
      left: [],
      changed: ['c1', 'c2'],
    });
  });

  it('finds no change in the same membership read in another order, groups compared case-insensitively', () => {
    const change = membershipChange([member('c1', ['a', 'b'], 'rack'), member('c2')], [member('c2'), member('c1', ['b', 'a'], 'RACK')]);
    expect(isMembershipChanged(change)).toBe(false);
  });
});
