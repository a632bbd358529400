import { ExclusiveLockRequiredError, MissingParameterValueError, NodeConsoleNotEnabledError } from '@slipway/errors';
import { callPassthru, runStep } from '@slipway/drivers-framework';
import { fakeRegistry, fakeTask, shared } from './__fixtures__/fake-task.fixture';

describe('the other fake interfaces', () => {
  const { registry } = fakeRegistry();

  it('console: running or not, with a URL only while running', async () => {
    const task = fakeTask(registry);
    await expect(task.driver.console.getConsole(task)).rejects.toThrow(NodeConsoleNotEnabledError);
    await task.driver.console.startConsole(task);
    await expect(task.driver.console.getConsole(task)).resolves.toEqual({ type: 'fake', url: 'fake://console/node-1' });
    await task.driver.console.stopConsole(task);
    await expect(task.driver.console.getConsole(task)).rejects.toThrow(NodeConsoleNotEnabledError);
  });

  it('rescue: boots the rescue ramdisk powered on, unrescue boots back', async () => {
    const task = fakeTask(registry);
    await task.driver.rescue.rescue(task);
    expect(task.node.driverInternalInfo).toMatchObject({ fake_rescued: true, fake_ramdisk: 'rescue', fake_power_state: 'power on' });
    await task.driver.rescue.unrescue(task);
    expect(task.node.driverInternalInfo).toEqual({ fake_power_state: 'power on' });
  });

  it('inspect: fills missing properties and keeps the ones set', async () => {
    const task = fakeTask(registry, { properties: { memory_mb: 2048 } });
    await task.driver.inspect.inspectHardware(task);
    expect(task.node.properties).toEqual({ cpu_arch: 'x86_64', cpus: 8, memory_mb: 2048, local_gb: 100 });
  });

  it('storage: tracks attached volumes and always writes the image', async () => {
    const task = fakeTask(registry, { storageInterface: 'fake' });
    expect(task.driver.interfaceNames.storage).toBe('fake');
    await task.driver.storage.attachVolumes(task);
    expect(task.node.driverInternalInfo['fake_volumes_attached']).toBe(true);
    await task.driver.storage.detachVolumes(task);
    expect(task.node.driverInternalInfo).toEqual({});
    expect(task.driver.storage.shouldWriteImage(task)).toBe(true);
  });

  it('firmware: remembers what each component was flashed from', async () => {
    const task = fakeTask(registry);
    await runStep(task.driver.firmware, 'clean', 'update', task, { settings: [{ component: 'bmc', url: 'http://fw/bmc-2.bin' }] });
    await runStep(task.driver.firmware, 'clean', 'update', task, { settings: [{ component: 'bios', url: 'http://fw/bios-9.bin' }] });
    expect(task.node.driverInternalInfo['fake_firmware']).toEqual({ bmc: 'http://fw/bmc-2.bin', bios: 'http://fw/bios-9.bin' });
    await expect(runStep(task.driver.firmware, 'clean', 'update', task, { settings: [{ component: 'bmc' }] })).rejects.toThrow(/needs a component and a url/);
  });

  it('vendor: passthru methods answer and validate their arguments', async () => {
    const task = fakeTask(registry);
    const vendor = task.driver.vendor;
    expect(Object.keys(vendor.vendorRoutes())).toEqual(['first_method', 'third_method_sync', 'fourth_method_shared_lock']);
    expect(vendor.vendorRoutes()['fourth_method_shared_lock']?.requireExclusiveLock).toBe(false);
    await expect(callPassthru(vendor, 'first_method', task, 'POST', { bar: 'baz' })).resolves.toBe(true);
    await expect(callPassthru(vendor, 'third_method_sync', task, 'POST', { bar: 'baz' })).resolves.toBe(false);
    await expect(vendor.validate(task, 'first_method', {})).rejects.toThrow(MissingParameterValueError);
    await expect(vendor.validate(task, 'first_method', { bar: 'x' })).resolves.toBeUndefined();
  });

  it('every changing operation needs the exclusive lock', async () => {
    const node = { storageInterface: 'fake', targetRaidConfig: { logical_disks: [{ size_gb: 1, raid_level: '0' }] } };
    const task = shared(fakeTask(registry, node));
    const attempts = [
      () => task.driver.boot.prepareRamdisk(task, {}),
      () => task.driver.console.startConsole(task),
      () => task.driver.rescue.rescue(task),
      () => task.driver.inspect.inspectHardware(task),
      () => task.driver.raid.createConfiguration(task),
      () => task.driver.bios.applyConfiguration(task, []),
      () => task.driver.firmware.update(task, []),
      () => task.driver.storage.attachVolumes(task),
      () => task.driver.management.setBootMode(task, 'uefi'),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(ExclusiveLockRequiredError);
    expect(task.node.driverInternalInfo).toEqual({});
  });
});
