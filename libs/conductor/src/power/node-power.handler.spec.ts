import type { PowerInterface } from '@slipway/drivers-framework';
import { InvalidParameterValueError, NoFreeConductorWorkerError } from '@slipway/errors';
import { FakeNodeTasks, fakeDriver, NODE_UUID, strict } from '../management/testing/fake-node-tasks';
import { NodePowerHandler } from './node-power.handler';

function setup(power: Partial<PowerInterface>, node = {}) {
  const tasks = new FakeNodeTasks(fakeDriver({ power: strict('power', { validate: async () => {}, getSupportedPowerStates: async () => ['power on', 'power off', 'rebooting'], ...power }) }), node);
  return { tasks, handler: new NodePowerHandler(tasks) };
}

describe('NodePowerHandler', () => {
  it('records the target before answering, then the new state once the background work ran', async () => {
    const timeouts: Array<number | undefined> = [];
    const { tasks, handler } = setup({ getPowerState: async () => 'power off', setPowerState: async (_t, _s, timeout) => void timeouts.push(timeout) }, { powerState: 'power off', lastError: 'old' });
    await handler.changePowerState({ uuid: NODE_UUID, target: 'power on' });
    expect(tasks.node).toMatchObject({ powerState: 'power off', targetPowerState: 'power on', lastError: null });
    expect(tasks.purposes).toEqual(['background changing node power state']);
    await tasks.runBackground();
    expect(tasks.node).toMatchObject({ powerState: 'power on', targetPowerState: null });
    expect(timeouts).toEqual([undefined]);
  });

  it('refuses a target the power interface does not support, before anything changes', async () => {
    const { tasks, handler } = setup({});
    await expect(handler.changePowerState({ uuid: NODE_UUID, target: 'soft power off' })).rejects.toThrow(
      new InvalidParameterValueError('The driver fake-hardware does not support the power state, soft power off'),
    );
    expect(tasks.node.targetPowerState).toBeNull();
    expect(tasks.pendingBackground).toBe(0);
  });

  it('gives soft requests the default soft timeout when the caller gave none', async () => {
    const timeouts: Array<number | undefined> = [];
    const { tasks, handler } = setup({ getSupportedPowerStates: async () => ['soft rebooting'], setPowerState: async (_t, _s, timeout) => void timeouts.push(timeout) });
    await handler.changePowerState({ uuid: NODE_UUID, target: 'soft rebooting' });
    await tasks.runBackground();
    expect(timeouts).toEqual([600]);
  });

  it('keeps a failed action on the node as last_error instead of failing the background work', async () => {
    const { tasks, handler } = setup({ getPowerState: async () => 'power on', setPowerState: async () => Promise.reject(new Error('stuck relay')) }, { powerState: 'power on' });
    await handler.changePowerState({ uuid: NODE_UUID, target: 'power off', timeoutSeconds: 5 });
    await expect(tasks.runBackground()).resolves.toBeUndefined();
    expect(tasks.node).toMatchObject({ powerState: 'power on', targetPowerState: null, lastError: "Failed to change power state to 'power off' by 'power off': stuck relay" });
  });

  it('undoes the target when no worker is free', async () => {
    const { tasks, handler } = setup({});
    tasks.exclusiveThenBackground = async (uuid, purpose, prepare) => {
      await FakeNodeTasks.prototype.exclusiveThenBackground.call(tasks, uuid, purpose, prepare, async () => {});
      throw new NoFreeConductorWorkerError();
    };
    await expect(handler.changePowerState({ uuid: NODE_UUID, target: 'power on' })).rejects.toBeInstanceOf(NoFreeConductorWorkerError);
    expect(tasks.node).toMatchObject({ targetPowerState: null, lastError: 'No free conductor workers available' });
  });
});
