import { waitUntil } from '@slipway/testing';
import { ReleasedAtStart } from '../registration/released-at-start';
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
    takeover = new Takeover(bed.owned, bed.nodes, bed.conductors, bed.rings, bed.tasks, bed.provisioning(), bed.recorder, watch, periodics, bed.identity, DEFAULT_PERIODIC_SETTINGS, new ReleasedAtStart());
  });
  afterAll(() => bed.close());

  const FAKE_DEPLOY_PLAN = ['deploy', 'write_image', 'prepare_instance_boot', 'tear_down_agent', 'boot_instance'].map((step, index) => ({
    interface: 'deploy',
    step,
    priority: 100 - index * 20,
    args: {},
    repeatable: step !== 'write_image',
  }));
  /** A deploy that died on c9 with `completed` steps done and the next one in flight. */
  const deployDiedAfter = (completed: number) =>
    bed.nodeOwnedBy('c1', {
      reservation: 'c9',
      provisionState: 'deploying',
      targetProvisionState: 'active',
      driverInternalInfo: { deploy_steps: FAKE_DEPLOY_PLAN, deploy_step_index: completed - 1, deploy_step_started: completed },
    });
  const settled = (id: number, state: string) =>
    waitUntil(async () => (await bed.reread(id)).provisionState === state && (await bed.reread(id)).reservation === null, `node ${id} to rest in ${state}`);

  it('frees the nodes it owns from a dead conductor and aborts its pending power actions', async () => {
    const idle = await bed.nodeOwnedBy('c1', { reservation: 'c9' });
    const powering = await bed.nodeOwnedBy('c1', { reservation: 'c9', targetPowerState: 'power on', powerState: 'power off' });
    const waiting = await bed.nodeOwnedBy('c1', { reservation: 'c9', provisionState: 'wait call-back', targetProvisionState: 'active' });
    await takeover.checkOrphans(bed.context);
    expect(await bed.reread(idle.id)).toMatchObject({ reservation: null, provisionState: 'available' });
    expect(await bed.reread(powering.id)).toMatchObject({ reservation: null, targetPowerState: null, powerState: 'power off' });
    // A wait state stays: the callback that ends the wait goes on with it here.
    expect(await bed.reread(waiting.id)).toMatchObject({ reservation: null, provisionState: 'wait call-back' });
  });

  it('resumes a dead deploy after its last completed step, re-running the repeatable step in flight', async () => {
    const node = await deployDiedAfter(2); // deploy and write_image done, prepare_instance_boot in flight
    await takeover.checkOrphans(bed.context);
    await settled(node.id, 'active');
    const resumed = await bed.reread(node.id);
    expect(resumed.lastError).toBeNull();
    expect(resumed.driverInternalInfo).not.toHaveProperty('deploy_steps');
    const journal = (await bed.history.listByNodeId(node.id, { limit: 100 })).map((entry) => `${entry.conductor} ${entry.type} ${entry.event}`);
    expect(journal.filter((line) => line.includes(' step '))).toEqual([
      'c1 step Step 3/5 deploy.prepare_instance_boot started',
      'c1 step Step 4/5 deploy.tear_down_agent started',
      'c1 step Step 5/5 deploy.boot_instance started',
    ]);
    expect(journal).toContain('c1 event Resuming deploying on conductor c1: conductor c9, which was doing it, is not alive.');
  });

  it('fails a dead deploy whose step in flight is not repeatable, saying so', async () => {
    const node = await deployDiedAfter(1); // deploy done, write_image (not repeatable here) in flight
    await takeover.checkOrphans(bed.context);
    await settled(node.id, 'deploy failed');
    const failed = await bed.reread(node.id);
    expect(failed.lastError).toBe(
      `The deploy step deploy.write_image of node ${node.uuid} was in progress when its conductor stopped, and the step is not repeatable, so it cannot be resumed safely. Check the hardware, then start the operation again.`,
    );
    expect(failed.driverInternalInfo).not.toHaveProperty('deploy_steps');
  });

  it('starts again the work of busy states without steps, and plans the automated clean that an undeploy was heading to', async () => {
    const verifying = await bed.nodeOwnedBy('c1', { reservation: 'c9', provisionState: 'verifying', targetProvisionState: 'manageable', provisionUpdatedAt: new Date() });
    const cleaning = await bed.nodeOwnedBy('c1', { reservation: 'c9', provisionState: 'cleaning', targetProvisionState: 'available' });
    const inMaintenance = await bed.nodeOwnedBy('c1', { reservation: 'c9', provisionState: 'inspecting', targetProvisionState: 'manageable', maintenance: true });
    await takeover.checkOrphans(bed.context);
    await settled(verifying.id, 'manageable');
    await settled(cleaning.id, 'available');
    expect(await bed.reread(inMaintenance.id)).toMatchObject({ reservation: null, provisionState: 'inspecting' });
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
