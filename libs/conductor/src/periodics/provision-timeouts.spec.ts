import { randomUUID } from 'node:crypto';
import { DEFAULT_PERIODIC_SETTINGS } from './periodic-settings';
import { ProvisionTimeouts } from './provision-timeouts';
import { PeriodicTestBed } from './testing/periodic-test-bed';

// Medium test on the real PostgreSQL: conductor "c1" alone in its group.
describe('ProvisionTimeouts', () => {
  let bed: PeriodicTestBed;
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);
  const timeoutsWith = (settings: Partial<typeof DEFAULT_PERIODIC_SETTINGS> = {}) =>
    new ProvisionTimeouts(bed.owned, bed.tasks, bed.provisioning(), { ...DEFAULT_PERIODIC_SETTINGS, ...settings });

  beforeAll(async () => {
    bed = await PeriodicTestBed.open();
  });
  afterAll(() => bed.close());

  it('fails a deploy that waited for its callback longer than the timeout, saying why', async () => {
    const node = await bed.nodeOwnedBy('c1', { provisionState: 'wait call-back', targetProvisionState: 'active', provisionUpdatedAt: hoursAgo(1) });
    await timeoutsWith().failTimedOut(bed.context);
    const after = await bed.reread(node.id);
    expect(after).toMatchObject({ provisionState: 'deploy failed', targetProvisionState: 'active', reservation: null, lastError: `Timeout reached while waiting for callback for node ${node.uuid}` });
    const entries = await bed.history.listByNodeId(node.id, { limit: 10 });
    expect(entries.map((entry) => [entry.severity, entry.event])).toEqual([
      ['ERROR', `Timeout reached while waiting for callback for node ${node.uuid}`],
      ['INFO', 'Event "fail": wait call-back -> deploy failed'],
    ]);
  });

  it('times out each wait state by its own setting, inspection from its start', async () => {
    const clean = await bed.nodeOwnedBy('c1', { provisionState: 'clean wait', targetProvisionState: 'available', provisionUpdatedAt: hoursAgo(1) });
    const inspect = await bed.nodeOwnedBy('c1', { provisionState: 'inspect wait', targetProvisionState: 'manageable', provisionUpdatedAt: new Date(), inspectionStartedAt: hoursAgo(1) });
    const rescue = await bed.nodeOwnedBy('c1', { provisionState: 'rescue wait', targetProvisionState: 'rescue', provisionUpdatedAt: hoursAgo(1) });
    await timeoutsWith({ rescueCallbackTimeout: 0 }).failTimedOut(bed.context);
    expect((await bed.reread(clean.id)).provisionState).toBe('clean failed');
    expect((await bed.reread(inspect.id)).provisionState).toBe('inspect failed');
    expect((await bed.reread(rescue.id)).provisionState).toBe('rescue wait'); // its timeout is off
  });

  it('leaves waits within their timeout, locked nodes, nodes in maintenance and nodes of other groups alone', async () => {
    const recent = await bed.nodeOwnedBy('c1', { provisionState: 'wait call-back', targetProvisionState: 'active', provisionUpdatedAt: hoursAgo(0.1) });
    const locked = await bed.nodeOwnedBy('c1', { provisionState: 'wait call-back', targetProvisionState: 'active', provisionUpdatedAt: hoursAgo(1), reservation: 'c2' });
    const maintained = await bed.nodeOwnedBy('c1', { provisionState: 'wait call-back', targetProvisionState: 'active', provisionUpdatedAt: hoursAgo(1), maintenance: true });
    const elsewhere = await bed.nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware', conductorGroup: 'other', provisionState: 'wait call-back', targetProvisionState: 'active', provisionUpdatedAt: hoursAgo(1) });
    await timeoutsWith().failTimedOut(bed.context);
    for (const node of [recent, locked, maintained, elsewhere]) expect((await bed.reread(node.id)).provisionState).toBe('wait call-back');
  });
});
