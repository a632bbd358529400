import { nodeValidateInterfaces } from '@slipway/rpc';
import { FakeOwner, fakeNode, fakeNodes, ironicExchange, NODE_UUID, outcome } from '../node-states/testing/fake-node-services';
import { NodeValidateService } from './node-validate.service';

const ALL = ['boot', 'deploy', 'management', 'network', 'power', 'bios', 'console', 'firmware', 'inspect', 'raid', 'rescue', 'storage'];

function setup() {
  const interfaces = ALL.map((name) => (name === 'rescue' ? { interface: name, result: false, reason: 'no rescue password' } : { interface: name, result: true }));
  const owner = new FakeOwner().answer(nodeValidateInterfaces, { interfaces });
  return { owner, service: new NodeValidateService(fakeNodes(fakeNode()), owner.asService()) };
}

describe('NodeValidateService', () => {
  it("answers with the interfaces of Ironic's answer, in its order, leaving out those the version does not know", async () => {
    const ironic = ironicExchange('node.validate');
    const view = await setup().service.validate(NODE_UUID, ironic.minor);
    expect(Object.keys(view)).toEqual(Object.keys(ironic.response.body as object));
    expect(view.boot).toEqual({ result: true });
    expect(view.rescue).toEqual({ result: false, reason: 'no rescue password' });
  });

  it('takes the node from the query in the older form', async () => {
    const { owner, service } = setup();
    await service.validateByQuery(undefined, NODE_UUID, 82);
    await service.validateByQuery('node-1', undefined, 82);
    expect(owner.calls).toHaveLength(2);
    expect(await outcome(service.validateByQuery(undefined, 'not-a-uuid', 82))).toEqual({ status: 400, message: 'Expected UUID for node_uuid: not-a-uuid' });
    expect(await outcome(service.validateByQuery('node-1', undefined, 4))).toMatchObject({ status: 406 });
  });
});
