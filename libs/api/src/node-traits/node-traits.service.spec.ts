import type { NodeTraitRepository } from '@slipway/db';
import { nodeAddTraits, nodeRemoveTraits } from '@slipway/rpc';
import { FakeOwner, fakeNode, fakeNodes, NODE_UUID, outcome } from '../node-states/testing/fake-node-services';
import { NodeTraitsService } from './node-traits.service';

function setup() {
  const owner = new FakeOwner().answer(nodeAddTraits, {}).answer(nodeRemoveTraits, {});
  const node = fakeNode();
  const traits = { namesOf: async (id: number) => (id === node.id ? ['CUSTOM_A'] : Promise.reject(new Error('wrong node'))) } as unknown as NodeTraitRepository;
  return { owner, service: new NodeTraitsService(fakeNodes(node), traits, owner.asService()) };
}

describe('NodeTraitsService', () => {
  it('exists from 1.37', async () => {
    const { service } = setup();
    expect(await outcome(service.list(NODE_UUID, 36))).toMatchObject({ status: 404 });
    expect(await service.list('node-1', 37)).toEqual({ traits: ['CUSTOM_A'] });
  });

  it('replaces all traits from the body, or adds the one in the path', async () => {
    const { owner, service } = setup();
    expect(await service.put('node-1', undefined, { traits: ['CUSTOM_B', 'HW_CPU_X86_VMX'] }, 82)).toBe(NODE_UUID);
    await service.put(NODE_UUID, 'CUSTOM_C', undefined, 82);
    expect(owner.calls).toEqual([
      { method: nodeAddTraits.name, request: { uuid: NODE_UUID, traits: ['CUSTOM_B', 'HW_CPU_X86_VMX'], replace: true } },
      { method: nodeAddTraits.name, request: { uuid: NODE_UUID, traits: ['CUSTOM_C'], replace: false } },
    ]);
  });

  it('wants exactly one of a trait in the path and a list in the body', async () => {
    const { owner, service } = setup();
    expect(await outcome(service.put(NODE_UUID, undefined, {}, 82))).toMatchObject({ status: 400, message: expect.stringMatching(/^Add one node trait/) });
    expect(await outcome(service.put(NODE_UUID, 'CUSTOM_C', { traits: [] }, 82))).toMatchObject({ status: 400, message: expect.stringMatching(/^Add one node trait/) });
    expect(owner.calls).toEqual([]);
  });

  it('checks names before looking the node up', async () => {
    const { service } = setup();
    expect(await outcome(service.put('missing', 'bad', undefined, 82))).toMatchObject({ status: 400 });
    expect(await outcome(service.put('missing', 'CUSTOM_OK', undefined, 82))).toMatchObject({ status: 404 });
  });

  it('removes one trait or all of them', async () => {
    const { owner, service } = setup();
    await service.delete(NODE_UUID, 'CUSTOM_A', 82);
    await service.delete(NODE_UUID, undefined, 82);
    expect(owner.calls.map((call) => call.request)).toEqual([{ uuid: NODE_UUID, traits: ['CUSTOM_A'] }, { uuid: NODE_UUID, traits: undefined }]);
  });
});
