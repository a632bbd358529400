import type { NodeEntity } from '@slipway/db';
import { NodeLockedError } from '@slipway/errors';
import { nodeChangeBootMode, nodeChangePowerState, nodeChangeSecureBoot } from '@slipway/rpc';
import { NodeStatesService } from './node-states.service';
import { FakeOwner, fakeNode, fakeNodes, ironicExchange, NODE_UUID, outcome } from './testing/fake-node-services';

function setup(node: Partial<NodeEntity> = {}) {
  const owner = new FakeOwner().answer(nodeChangePowerState, {}).answer(nodeChangeBootMode, {}).answer(nodeChangeSecureBoot, {});
  return { owner, service: new NodeStatesService(fakeNodes(fakeNode(node)), owner.asService()) };
}

describe('NodeStatesService', () => {
  it.each(['node.power.bad-target', 'node.power.bad-timeout'])('refuses %s with the status and message Ironic gave', async (name) => {
    const ironic = ironicExchange(name);
    const { owner, service } = setup();
    expect(await outcome(service.changePower(NODE_UUID, ironic.request.body, ironic.minor))).toEqual({ status: ironic.response.status, message: ironic.faultstring });
    expect(owner.calls).toEqual([]);
  });

  it('asks the owner to change the power and returns the uuid for Location', async () => {
    const { owner, service } = setup();
    expect(await service.changePower('node-1', { target: 'soft power off', timeout: '30' }, 82)).toBe(NODE_UUID);
    expect(owner.calls).toEqual([{ method: nodeChangePowerState.name, request: { uuid: NODE_UUID, target: 'soft power off', timeoutSeconds: 30 } }]);
  });

  it('answers 406 for soft targets and timeouts before 1.27, and checks the arguments first', async () => {
    const { service } = setup();
    expect(await outcome(service.changePower(NODE_UUID, { target: 'soft rebooting' }, 26))).toEqual({ status: 406, message: 'Request not acceptable.' });
    expect(await outcome(service.changePower(NODE_UUID, { target: 'power on', timeout: 5 }, 26))).toMatchObject({ status: 406 });
    expect(await outcome(service.changePower(NODE_UUID, { target: 'power on', timeout: 0 }, 26))).toEqual({ status: 400, message: 'timeout has to be positive integer' });
    expect(await outcome(service.changePower(NODE_UUID, {}, 82))).toEqual({ status: 400, message: 'Missing mandatory parameter: target' });
    expect(await outcome(service.changePower(NODE_UUID, { target: 'power on', force: true }, 82))).toEqual({ status: 400, message: 'Unexpected arguments: force' });
    expect(await outcome(service.changePower('missing', { target: 'power on' }, 82))).toMatchObject({ status: 404 });
  });

  it('leaves the power of a node being cleaned alone', async () => {
    const { owner, service } = setup({ provisionState: 'clean wait' });
    expect(await outcome(service.changePower(NODE_UUID, { target: 'power off' }, 82))).toEqual({
      status: 400,
      message: `The requested action "power off" can not be performed on node "${NODE_UUID}" while it is in state "clean wait".`,
    });
    expect(owner.calls).toEqual([]);
  });

  it("passes the conductor's NodeLocked on as 409", async () => {
    const owner = new FakeOwner().answer(nodeChangePowerState, new NodeLockedError({ node: NODE_UUID, host: 'c-2' }));
    const service = new NodeStatesService(fakeNodes(fakeNode()), owner.asService());
    expect(await outcome(service.changePower(NODE_UUID, { target: 'power on' }, 82))).toMatchObject({ status: 409 });
  });

  it('changes the boot mode from 1.76, only to bios or uefi, and only on a resting node', async () => {
    const { owner, service } = setup();
    expect(await outcome(service.changeBootMode(NODE_UUID, { target: 'uefi' }, 75))).toEqual({ status: 404, message: 'This endpoint is supported starting with the API version 1.76' });
    expect(await outcome(service.changeBootMode(NODE_UUID, { target: 'efi' }, 76))).toEqual({ status: 400, message: 'Invalid boot mode efi requested for node. Allowed boot modes are: bios, uefi' });
    expect(await service.changeBootMode(NODE_UUID, { target: 'bios' }, 76)).toBe(NODE_UUID);
    expect(owner.calls).toEqual([{ method: nodeChangeBootMode.name, request: { uuid: NODE_UUID, mode: 'bios' } }]);
    const busy = setup({ provisionState: 'deploying' });
    expect(await outcome(busy.service.changeBootMode(NODE_UUID, { target: 'bios' }, 76))).toMatchObject({ status: 409 });
  });

  it('reads the secure boot target as a boolean word', async () => {
    const { owner, service } = setup();
    await service.changeSecureBoot(NODE_UUID, { target: 'on' }, 82);
    expect(owner.calls).toEqual([{ method: nodeChangeSecureBoot.name, request: { uuid: NODE_UUID, enabled: true } }]);
    expect(await outcome(service.changeSecureBoot(NODE_UUID, { target: null }, 82))).toMatchObject({ status: 400 });
  });
});
