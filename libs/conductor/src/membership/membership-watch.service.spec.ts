import type { ConductorMember, MembershipChange, MembershipChangeNotice, RingDirectory } from '@slipway/cluster';
import type { MembershipNotices } from '@slipway/runtime';
import { MembershipWatch } from './membership-watch.service';

const member = (hostname: string): ConductorMember => ({ hostname, conductorGroup: '', hardwareTypes: ['fake-hardware'] });

function setup(readings: Array<readonly ConductorMember[] | Error>) {
  const announced: MembershipChangeNotice[] = [];
  const rings = { reload: async () => {
    const next = readings.shift();
    if (next instanceof Error) throw next;
    return next ?? [];
  } } as unknown as RingDirectory;
  const notices = { announce: async (notice: MembershipChangeNotice) => void announced.push(notice), onNotice: () => undefined } as unknown as MembershipNotices;
  const watch = new MembershipWatch(rings, notices, { hostname: 'c1', conductorGroup: '', enabledHardwareTypes: [] }, { heartbeatIntervalSeconds: 3600, heartbeatTimeoutSeconds: 10 });
  const changes: MembershipChange[] = [];
  watch.onChange((change) => void changes.push(change));
  return { watch, announced, changes };
}

describe('MembershipWatch', () => {
  it('reports a conductor that died to its listeners and broadcasts it; a join is only reported', async () => {
    const { watch, announced, changes } = setup([[member('c1'), member('c2'), member('c3')], [member('c1'), member('c3')], [member('c1'), member('c3'), member('c4')]]);
    await watch.check(); // first reading: nothing to compare with
    await watch.check();
    await watch.check();
    expect(changes).toEqual([
      { joined: [], left: ['c2'], changed: [] },
      { joined: ['c4'], left: [], changed: [] },
    ]);
    // The newcomer announces itself; a death has nobody else to announce it.
    expect(announced).toEqual([{ reporter: 'c1', joined: [], left: ['c2'] }]);
  });

  it('stays quiet while nothing changes, and survives a failed reading', async () => {
    const { watch, changes } = setup([[member('c1')], new Error('database gone'), [member('c1')]]);
    await watch.check();
    await watch.check();
    await watch.check();
    expect(changes).toEqual([]);
  });

  it('runs one check at a time', async () => {
    const { watch } = setup([[member('c1')]]);
    expect(watch.check()).toBe(watch.check());
    await watch.check();
  });
});
