import type { NetworkInterface, VifInfo } from '@slipway/drivers-framework';
import { VifInvalidForAttachError, VifNotAttachedError } from '@slipway/errors';
import { FakeNodeTasks, fakeDriver, NODE_UUID, strict } from '../management/testing/fake-node-tasks';
import { NodeVifHandler } from './node-vif.handler';

function setup(network: Partial<NetworkInterface>) {
  const calls: string[] = [];
  const tasks = new FakeNodeTasks(fakeDriver({ network: strict('network', { validate: async () => void calls.push('validate'), ...network }) }), { networkInterface: 'noop' });
  return { tasks, calls, handler: new NodeVifHandler(tasks) };
}

describe('NodeVifHandler', () => {
  it('lists VIFs with a shared task after validating the network interface', async () => {
    const { tasks, calls, handler } = setup({ vifList: async () => [{ id: 'vif-1' }, { id: 'vif-2' }] });
    await expect(handler.list({ uuid: NODE_UUID })).resolves.toEqual({ vifs: [{ id: 'vif-1' }, { id: 'vif-2' }] });
    expect(tasks.purposes).toEqual(['shared list vifs']);
    expect(calls).toEqual(['validate']);
  });

  it('attaches under the lock, passing the requested port', async () => {
    const attached: VifInfo[] = [];
    const { tasks, calls, handler } = setup({ vifAttach: async (_task, vif) => void attached.push(vif) });
    await handler.attach({ uuid: NODE_UUID, vif: { id: 'vif-1' } });
    await handler.attach({ uuid: NODE_UUID, vif: { id: 'vif-2', portUuid: 'b6a1bcc5-5e87-4a8b-9a3f-6f7b7b9f0b11' } });
    expect(attached).toEqual([{ id: 'vif-1' }, { id: 'vif-2', portUuid: 'b6a1bcc5-5e87-4a8b-9a3f-6f7b7b9f0b11' }]);
    expect(tasks.purposes).toEqual(['exclusive attach vif', 'exclusive attach vif']);
    expect(calls).toEqual(['validate', 'validate']);
  });

  it('refuses a port group binding, which no network interface offers', async () => {
    const { handler } = setup({});
    await expect(handler.attach({ uuid: NODE_UUID, vif: { id: 'vif-1', portgroupUuid: 'b6a1bcc5-5e87-4a8b-9a3f-6f7b7b9f0b11' } })).rejects.toBeInstanceOf(VifInvalidForAttachError);
  });

  it("detaches under the lock and passes the interface's error on", async () => {
    const { tasks, handler } = setup({
      vifDetach: async (_task, id) => {
        if (id !== 'vif-1') throw new VifNotAttachedError({ vif: id, node: NODE_UUID });
      },
    });
    await expect(handler.detach({ uuid: NODE_UUID, vifId: 'vif-1' })).resolves.toEqual({});
    await expect(handler.detach({ uuid: NODE_UUID, vifId: 'other' })).rejects.toBeInstanceOf(VifNotAttachedError);
    expect(tasks.purposes).toEqual(['exclusive detach vif', 'exclusive detach vif']);
  });
});
