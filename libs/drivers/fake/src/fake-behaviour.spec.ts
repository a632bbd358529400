import { DriverOperationError, InvalidParameterValueError } from '@slipway/errors';
import { fakeRegistry, fakeTask } from './__fixtures__/fake-task.fixture';
import { parseFakeKnobs } from './fake-behaviour';

describe('fake knobs', () => {
  it('parse delays given as numbers or numeric strings, and fail lists as strings or arrays', () => {
    expect(parseFakeKnobs({})).toEqual({ delaySeconds: 0, fail: [] });
    expect(parseFakeKnobs({ fake_delay: '1.5', fake_fail: 'reboot, deploy.write_image' })).toEqual({
      delaySeconds: 1.5,
      fail: ['reboot', 'deploy.write_image'],
    });
    expect(parseFakeKnobs({ fake_delay: 2, fake_fail: ['set_boot_device'] })).toEqual({ delaySeconds: 2, fail: ['set_boot_device'] });
  });

  it.each([[-1], ['soon'], [true], [{}], [Number.POSITIVE_INFINITY]])('refuse fake_delay %p', (value) => {
    expect(() => parseFakeKnobs({ fake_delay: value })).toThrow(InvalidParameterValueError);
  });

  it('refuse a fake_fail that is not text', () => {
    expect(() => parseFakeKnobs({ fake_fail: 3 })).toThrow(/fake_fail must be a string or a list of strings/);
  });
});

describe('fake delay and failure', () => {
  it('make every operation wait fake_delay seconds', async () => {
    const { registry, slept } = fakeRegistry();
    const task = fakeTask(registry, { driverInfo: { fake_delay: 0.25 } });
    await task.driver.power.setPowerState(task, 'power on');
    await task.driver.management.getBootDevice(task);
    expect(slept).toEqual([250, 250]);
  });

  it('do not wait without a delay', async () => {
    const { registry, slept } = fakeRegistry();
    const task = fakeTask(registry);
    await task.driver.power.getPowerState(task);
    expect(slept).toEqual([]);
  });

  it('fail the named operation with a driver error and leave the state alone', async () => {
    const { registry } = fakeRegistry();
    const task = fakeTask(registry, { driverInfo: { fake_fail: 'set_power_state' } });
    const attempt = task.driver.power.setPowerState(task, 'power on');
    await expect(attempt).rejects.toThrow(DriverOperationError);
    await expect(attempt).rejects.toThrow(/fake power operation set_power_state failed on node node-1/);
    await expect(task.driver.power.getPowerState(task)).resolves.toBe('power off');
    await expect(task.driver.power.reboot(task)).resolves.toBeUndefined();
  });

  it('match a name qualified by its interface type only on that interface', async () => {
    const { registry } = fakeRegistry();
    const task = fakeTask(registry, { driverInfo: { fake_fail: ['rescue.rescue', 'boot.prepare_instance'] } });
    await expect(task.driver.rescue.rescue(task)).rejects.toThrow(/fake rescue operation rescue failed/);
    await expect(task.driver.boot.prepareInstance(task)).rejects.toThrow(DriverOperationError);
    await expect(task.driver.boot.prepareRamdisk(task, {})).resolves.toBeUndefined();
  });

  it('make validate reject a malformed delay on every fake', async () => {
    const { registry } = fakeRegistry();
    const task = fakeTask(registry, { driverInfo: { fake_delay: '-3' } });
    await expect(task.driver.power.validate(task)).rejects.toThrow(/fake_delay must be a non-negative number of seconds, got "-3"/);
    await expect(task.driver.deploy.validate(task)).rejects.toThrow(InvalidParameterValueError);
    await expect(task.driver.power.getPowerState(task)).rejects.toThrow(InvalidParameterValueError);
  });
});
