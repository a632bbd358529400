import { waitUntil } from '@slipway/testing';
import { PeriodicTestBed } from '../periodics/testing/periodic-test-bed';

// Medium test on the real PostgreSQL: abort in the wait states of work that has no step plan.
describe('ProvisionHandler abort', () => {
  let bed: PeriodicTestBed;

  beforeAll(async () => {
    bed = await PeriodicTestBed.open();
  });
  afterAll(() => bed.close());

  it.each([
    ['inspect wait', 'manageable', 'inspect failed', 'The inspection was aborted on request.'],
    ['rescue wait', 'rescue', 'rescue failed', 'The rescue was aborted on request.'],
  ])('fails a node aborted in %s, saying what was aborted', async (state, target, failed, message) => {
    const node = await bed.nodeOwnedBy('c1', { provisionState: state, targetProvisionState: target });
    await bed.provisioning().provision({ uuid: node.uuid, event: 'abort' });
    await waitUntil(async () => (await bed.reread(node.id)).reservation === null, 'the lock to be released');
    expect(await bed.reread(node.id)).toMatchObject({ provisionState: failed, lastError: message });
  });
});
