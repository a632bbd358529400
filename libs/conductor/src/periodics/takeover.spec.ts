import { ProvisionHandler } from '../provisioning/provision.handler';
import type { MembershipWatch } from '../membership/membership-watch.service';
import type { PeriodicTaskRunner } from './periodic-task.runner';
import { DEFAULT_PERIODIC_SETTINGS } from './periodic-settings';
import { Takeover } from './takeover';
import { PeriodicTestBed } from './testing/periodic-test-bed';

// Medium test on the real PostgreSQL: "c1" and "c2" are alive; "c9" died holding locks.
describe('Takeover', () => {
  let bed: PeriodicTestBed;
  let takeover: Takeover;
  let c1Id: number;

  beforeAll(async () => {
    bed = await PeriodicTestBed.open(['c2']);
    c1Id = (await bed.conductors.register({ hostname: 'c1', conductorGroup: bed.group, hardwareTypes: ['fake-hardware'], interfaces: [] })).id;
    const watch = { onChange: () => undefined } as unknown as MembershipWatch;
    const periodics = { runNow: async () => undefined } as unknown as PeriodicTaskRunner;
    takeover = new Takeover(bed.owned, bed.nodes, bed.conductors, bed.rings, bed.tasks, new ProvisionHandler(bed.tasks, bed.recorder), bed.recorder, watch, periodics, bed.identity, DEFAULT_PERIODIC_SETTINGS);
  });
  afterAll(() => bed.close());

  it('frees the nodes it owns from a dead conductor, aborting pending power actions and failing dead deploys and cleans', async () => {
    const idle = await bed.nodeOwnedBy('c1', { reservation: 'c9' });
    const powering = await bed.nodeOwnedBy('c1', { reservation: 'c9', targetPowerState: 'power on', powerState: 'power off' });
    const deploying = await bed.nodeOwnedBy('c1', { reservation: 'c9', provisionState: 'deploying', targetProvisionState: 'active' });
    const waiting = await bed.nodeOwnedBy('c1', { reservation: 'c9', provisionState: 'wait call-back', targetProvisionState: 'active' });
    await takeover.checkOrphans(bed.context);
    expect(await bed.reread(idle.id)).toMatchObject({ reservation: null, provisionState: 'available' });
    expect(await bed.reread(powering.id)).toMatchObject({ reservation: null, targetPowerState: null, powerState: 'power off' });
    const failed = await bed.reread(deploying.id);
    expect(failed).toMatchObject({ reservation: null, provisionState: 'deploy failed' });
    expect(failed.lastError).toBe('The deployment was aborted due to conductor take over: conductor c9 is not alive.');
    // A wait state stays: the agent's next heartbeat goes on with it here.
    expect(await bed.reread(waiting.id)).toMatchObject({ reservation: null, provisionState: 'wait call-back' });
  });

  it('leaves locks of live conductors and the nodes of other owners alone', async () => {
    const heldByLive = await bed.nodeOwnedBy('c1', { reservation: 'c2', provisionState: 'deploying', targetProvisionState: 'active' });
    const notMine = await bed.nodeOwnedBy('c2', { reservation: 'c9' });
    await takeover.checkOrphans(bed.context);
    expect((await bed.reread(heldByLive.id)).reservation).toBe('c2');
    expect((await bed.reread(notMine.id)).reservation).toBe('c9');
  });

  it('takes over active nodes another conductor prepared, and only those', async () => {
    const moved = await bed.nodeOwnedBy('c1', { provisionState: 'active', conductorAffinity: null, deployInterface: 'fake', bootInterface: 'fake' });
    const locked = await bed.nodeOwnedBy('c1', { provisionState: 'active', reservation: 'c2', deployInterface: 'fake', bootInterface: 'fake' });
    const available = await bed.nodeOwnedBy('c1', { provisionState: 'available' });
    await takeover.syncLocalState(bed.context);
    expect(await bed.reread(moved.id)).toMatchObject({ conductorAffinity: c1Id, reservation: null, provisionState: 'active' });
    expect((await bed.reread(locked.id)).conductorAffinity).toBeNull();
    expect((await bed.reread(available.id)).conductorAffinity).toBeNull();
  });
});
