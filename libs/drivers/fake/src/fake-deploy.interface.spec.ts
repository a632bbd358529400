import { DriverOperationError, ExclusiveLockRequiredError } from '@slipway/errors';
import { getDriverSteps, getSteps, runStep, type DriverTask } from '@slipway/drivers-framework';
import { fakeRegistry, fakeTask, shared } from './__fixtures__/fake-task.fixture';

async function runDeploySteps(task: DriverTask): Promise<string[]> {
  const done: string[] = [];
  const steps = getSteps(task.driver.deploy, 'deploy').sort((a, b) => b.priority - a.priority);
  for (const step of steps) {
    await runStep(task.driver.deploy, 'deploy', step.step, task);
    done.push(step.step);
  }
  return done;
}

describe('FakeDeployInterface', () => {
  const { registry } = fakeRegistry();

  it('offers several deploy steps with distinct priorities, deploy at 100, all repeatable', () => {
    const task = fakeTask(registry);
    const steps = getSteps(task.driver.deploy, 'deploy');
    expect(steps.map((s) => [s.step, s.priority])).toEqual([
      ['deploy', 100],
      ['write_image', 80],
      ['prepare_instance_boot', 60],
      ['tear_down_agent', 40],
      ['boot_instance', 20],
    ]);
    expect(steps.every((s) => s.interface === 'deploy' && s.repeatable && s.abortable && s.argsinfo === null)).toBe(true);
    expect(getSteps(task.driver.deploy, 'clean')).toEqual([
      { step: 'erase_devices', priority: 10, interface: 'deploy', abortable: true, argsinfo: null, requiresRamdisk: true, repeatable: true },
    ]);
  });

  it('deploys for real: image written, disk boot set up, node powered on, ramdisk gone', async () => {
    const task = fakeTask(registry, { instanceInfo: { image_source: 'http://images/os.qcow2' } });
    await task.driver.deploy.prepare(task);
    await expect(runDeploySteps(task)).resolves.toHaveLength(5);
    expect(task.node.driverInternalInfo).toEqual({
      fake_deploy_prepared: true,
      fake_image: 'http://images/os.qcow2',
      fake_instance_boot_prepared: true,
      fake_boot_device: 'disk',
      fake_boot_device_persistent: true,
      fake_power_state: 'power on',
    });
    expect(task.node.powerState).toBe('power on');
  });

  it('deploys a manual-management node too (noop management leaves the boot order alone)', async () => {
    const task = fakeTask(registry, { driver: 'manual-management', instanceInfo: { image_source: 'img' } });
    expect(task.driver.interfaceNames.management).toBe('noop');
    await runDeploySteps(task);
    expect(task.node.driverInternalInfo).toEqual({ fake_image: 'img', fake_instance_boot_prepared: true, fake_power_state: 'power on' });
  });

  it('stops at the step named in fake_fail, after the earlier ones took effect', async () => {
    const task = fakeTask(registry, { driverInfo: { fake_fail: 'deploy.write_image' }, instanceInfo: { image_source: 'img' } });
    const attempt = runDeploySteps(task);
    await expect(attempt).rejects.toThrow(DriverOperationError);
    await expect(attempt).rejects.toThrow(/fake deploy operation write_image failed/);
    expect(task.node.driverInternalInfo).toEqual({ fake_ramdisk: 'deploy', fake_power_state: 'power on' });
  });

  it('can run a step again after a crash without harm', async () => {
    const task = fakeTask(registry, { instanceInfo: { image_source: 'img' } });
    await runDeploySteps(task);
    const before = structuredClone(task.node.driverInternalInfo);
    await runStep(task.driver.deploy, 'deploy', 'prepare_instance_boot', task);
    await runStep(task.driver.deploy, 'deploy', 'boot_instance', task);
    expect(task.node.driverInternalInfo).toEqual(before);
  });

  it('tears down to a powered-off node without instance boot; cleaning erases the image', async () => {
    const task = fakeTask(registry, { instanceInfo: { image_source: 'img' } });
    await runDeploySteps(task);
    await task.driver.deploy.tearDown(task);
    expect(task.node.powerState).toBe('power off');
    await task.driver.deploy.prepareCleaning(task);
    await runStep(task.driver.deploy, 'clean', 'erase_devices', task);
    await task.driver.deploy.tearDownCleaning(task);
    await task.driver.deploy.cleanUp(task);
    expect(task.node.driverInternalInfo).toEqual({ fake_boot_device: 'disk', fake_boot_device_persistent: true, fake_power_state: 'power off' });
  });

  it('needs the exclusive lock for every step', async () => {
    const task = shared(fakeTask(registry));
    await expect(runStep(task.driver.deploy, 'deploy', 'deploy', task)).rejects.toThrow(ExclusiveLockRequiredError);
    await expect(task.driver.deploy.takeOver(task)).rejects.toThrow(ExclusiveLockRequiredError);
  });

  it('contributes to the driver-wide step list with the other fakes', () => {
    const task = fakeTask(registry);
    const clean = getDriverSteps(task.driver, 'clean').map((s) => `${s.interface}.${s.step}`);
    expect(clean.sort()).toEqual([
      'bios.apply_configuration',
      'bios.factory_reset',
      'deploy.erase_devices',
      'firmware.update',
      'management.reset_bmc',
      'raid.create_configuration',
      'raid.delete_configuration',
    ]);
    const deploy = getDriverSteps(task.driver, 'deploy').map((s) => `${s.interface}.${s.step}`);
    expect(deploy).toEqual(expect.arrayContaining(['bios.apply_configuration', 'raid.apply_configuration', 'management.reset_bmc', 'deploy.deploy']));
  });
});
