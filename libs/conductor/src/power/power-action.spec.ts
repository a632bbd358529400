import type { DriverNode, DriverTask, PowerInterface, StorageInterface } from '@slipway/drivers-framework';
import { newDriverNode } from '@slipway/drivers-framework';
import { getLogger } from '@slipway/logging';
import { fakeDriver, strict } from '../management/testing/fake-node-tasks';
import { runPowerAction } from './power-action';

function taskWith(power: Partial<PowerInterface>, node: Partial<DriverNode> = {}, storage?: Partial<StorageInterface>): DriverTask {
  const interfaces: Record<string, object> = { power: strict('power', power) };
  if (storage) interfaces.storage = strict('storage', storage);
  return { node: newDriverNode({ uuid: 'n-1', driver: 'fake-hardware', ...node }), shared: false, ports: [], driver: fakeDriver(interfaces), log: getLogger('test') };
}

describe('runPowerAction', () => {
  it('powers on a node that is off and records the new state', async () => {
    const calls: string[] = [];
    const task = taskWith({
      getPowerState: async () => 'power off',
      setPowerState: async (_task, state, timeout) => void calls.push(`${state}/${timeout}`),
    }, { powerState: 'power off', targetPowerState: 'power on', lastError: 'old failure' });
    await runPowerAction(task, 'power on', 30);
    expect(calls).toEqual(['power on/30']);
    expect(task.node).toMatchObject({ powerState: 'power on', targetPowerState: null, lastError: null });
  });

  it('skips a request the hardware already satisfies, clearing the target and the last error', async () => {
    const task = taskWith({ getPowerState: async () => 'power off' }, { powerState: null, targetPowerState: 'power off', lastError: 'old' });
    await runPowerAction(task, 'soft power off');
    expect(task.node).toMatchObject({ powerState: 'power off', targetPowerState: null, lastError: null });
  });

  it('reboots without asking the state first', async () => {
    const calls: string[] = [];
    const task = taskWith({ reboot: async () => void calls.push('reboot') }, { powerState: 'power on' });
    await runPowerAction(task, 'rebooting');
    expect(calls).toEqual(['reboot']);
    expect(task.node).toMatchObject({ powerState: 'power on', targetPowerState: null });
  });

  it('records a driver failure as last_error, clears the target and rethrows', async () => {
    const failure = new Error('BMC unreachable');
    const task = taskWith({ getPowerState: async () => 'power on', setPowerState: async () => Promise.reject(failure) }, { powerState: 'power on', targetPowerState: 'power off' });
    await expect(runPowerAction(task, 'power off')).rejects.toBe(failure);
    expect(task.node).toMatchObject({ powerState: 'power on', targetPowerState: null, lastError: "Failed to change power state to 'power off' by 'power off': BMC unreachable" });
  });

  it('records a failure to read the current state', async () => {
    const task = taskWith({ getPowerState: async () => Promise.reject(new Error('no answer')) }, { targetPowerState: 'power on' });
    await expect(runPowerAction(task, 'power on')).rejects.toThrow('no answer');
    expect(task.node).toMatchObject({ targetPowerState: null, lastError: "Failed to change power state to 'power on': no answer" });
  });

  it('keeps the last error of a node in a failure state', async () => {
    const task = taskWith({ getPowerState: async () => 'power on', setPowerState: async () => {} }, { provisionState: 'deploy failed', lastError: 'deploy broke' });
    await runPowerAction(task, 'power off');
    expect(task.node).toMatchObject({ powerState: 'power off', lastError: 'deploy broke' });
  });

  it('attaches volumes before powering an active instance on, and detaches them after it is off', async () => {
    const calls: string[] = [];
    const storage = { attachVolumes: async () => void calls.push('attach'), detachVolumes: async () => void calls.push('detach') };
    const power = { getPowerState: async () => (calls.includes('on') ? 'power on' : 'power off') as 'power on' | 'power off', setPowerState: async (_t: DriverTask, state: string) => void calls.push(state === 'power on' ? 'on' : 'off') };
    const task = taskWith(power, { provisionState: 'active' }, storage);
    await runPowerAction(task, 'power on');
    await runPowerAction(task, 'power off');
    expect(calls).toEqual(['attach', 'on', 'off', 'detach']);
  });
});
