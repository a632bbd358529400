import { ExclusiveLockRequiredError, InvalidParameterValueError } from '@slipway/errors';
import { setNodePower, type PowerTarget } from '@slipway/drivers-framework';
import { fakeRegistry, fakeTask, shared } from './__fixtures__/fake-task.fixture';
import { FakePowerInterface } from './fake-power.interface';

describe('FakePowerInterface', () => {
  const { registry } = fakeRegistry();

  it('reports a new node as powered off', async () => {
    const task = fakeTask(registry);
    await expect(task.driver.power.getPowerState(task)).resolves.toBe('power off');
  });

  it('reads back what was set, and setting it twice changes nothing', async () => {
    const task = fakeTask(registry);
    await task.driver.power.setPowerState(task, 'power on');
    await task.driver.power.setPowerState(task, 'power on');
    await expect(task.driver.power.getPowerState(task)).resolves.toBe('power on');
    expect(task.node.driverInternalInfo).toEqual({ fake_power_state: 'power on' });
  });

  it.each<[PowerTarget, string]>([
    ['soft power off', 'power off'],
    ['rebooting', 'power on'],
    ['soft rebooting', 'power on'],
  ])('ends %s in %s', async (target, expected) => {
    const task = fakeTask(registry, { driverInternalInfo: { fake_power_state: 'power on' } });
    await task.driver.power.setPowerState(task, target);
    await expect(task.driver.power.getPowerState(task)).resolves.toBe(expected);
  });

  it('reboots a powered-off node into power on', async () => {
    const task = fakeTask(registry);
    await task.driver.power.reboot(task, 30);
    await expect(task.driver.power.getPowerState(task)).resolves.toBe('power on');
  });

  it('refuses unknown states and bad timeouts', async () => {
    const task = fakeTask(registry);
    await expect(task.driver.power.setPowerState(task, 'power cycle' as PowerTarget)).rejects.toThrow(InvalidParameterValueError);
    await expect(task.driver.power.setPowerState(task, 'power on', 0)).rejects.toThrow(/positive integer/);
  });

  it('needs the exclusive lock to change power, not to read it', async () => {
    const task = shared(fakeTask(registry));
    await expect(task.driver.power.setPowerState(task, 'power on')).rejects.toThrow(ExclusiveLockRequiredError);
    await expect(task.driver.power.reboot(task)).rejects.toThrow(ExclusiveLockRequiredError);
    await expect(task.driver.power.getPowerState(task)).resolves.toBe('power off');
  });

  it('lists every power target and documents its knobs', async () => {
    const power = new FakePowerInterface();
    await expect(power.getSupportedPowerStates(fakeTask(registry))).resolves.toEqual([
      'power on',
      'power off',
      'rebooting',
      'soft rebooting',
      'soft power off',
    ]);
    expect(Object.keys(power.getProperties())).toEqual(['fake_delay', 'fake_fail']);
  });

  it('drives setNodePower, which records the node power state and skips a satisfied request', async () => {
    const task = fakeTask(registry, { targetPowerState: 'power on' });
    await setNodePower(task, 'power on');
    expect(task.node.powerState).toBe('power on');
    expect(task.node.targetPowerState).toBeNull();
    task.node.driverInfo = { fake_fail: 'set_power_state' };
    await expect(setNodePower(task, 'power on')).resolves.toBeUndefined();
    await expect(setNodePower(task, 'power off')).rejects.toThrow(/set_power_state failed/);
  });
});
