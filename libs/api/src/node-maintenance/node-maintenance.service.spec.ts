import { nodeSetMaintenance } from '@slipway/rpc';
import { FakeOwner, fakeNode, fakeNodes, ironicExchange, NODE_UUID, outcome } from '../node-states/testing/fake-node-services';
import { NodeMaintenanceService } from './node-maintenance.service';

function setup() {
  const owner = new FakeOwner().answer(nodeSetMaintenance, {});
  return { owner, service: new NodeMaintenanceService(fakeNodes(fakeNode()), owner.asService()) };
}

describe('NodeMaintenanceService', () => {
  it('sets maintenance with the reason of node.maintenance.set, and clears it', async () => {
    const { owner, service } = setup();
    await service.set(NODE_UUID, ironicExchange('node.maintenance.set').request.body, 82);
    await service.set(NODE_UUID, undefined, 82);
    await service.unset(NODE_UUID, undefined, 82);
    expect(owner.calls.map((call) => call.request)).toEqual([
      { uuid: NODE_UUID, maintenance: true, reason: 'testing' },
      { uuid: NODE_UUID, maintenance: true, reason: null },
      { uuid: NODE_UUID, maintenance: false, reason: null },
    ]);
  });

  it('refuses a reason that is not a string, and unknown arguments', async () => {
    const { owner, service } = setup();
    expect(await outcome(service.set(NODE_UUID, { reason: 5 }, 82))).toEqual({ status: 400, message: 'Expected string for reason: 5' });
    expect(await outcome(service.set(NODE_UUID, { why: 'x' }, 82))).toEqual({ status: 400, message: 'Unexpected arguments: why' });
    expect(owner.calls).toEqual([]);
  });
});
