import { ExclusiveLockRequiredError, InvalidParameterValueError } from '@slipway/errors';
import { getSteps, runStep } from '@slipway/drivers-framework';
import { fakeRegistry, fakeTask, shared } from './__fixtures__/fake-task.fixture';

describe('FakeManagementInterface', () => {
  const { registry } = fakeRegistry();

  it('reads back the boot device and persistence that were set, repeatedly', async () => {
    const task = fakeTask(registry);
    const management = task.driver.management;
    await expect(management.getBootDevice(task)).resolves.toEqual({ bootDevice: 'pxe', persistent: false });
    await management.setBootDevice(task, 'disk', true);
    await management.setBootDevice(task, 'disk', true);
    await expect(management.getBootDevice(task)).resolves.toEqual({ bootDevice: 'disk', persistent: true });
    await management.setBootDevice(task, 'cdrom');
    await expect(management.getBootDevice(task)).resolves.toEqual({ bootDevice: 'cdrom', persistent: false });
  });

  it('refuses an unsupported boot device and changes under a shared lock', async () => {
    const task = fakeTask(registry);
    await expect(task.driver.management.setBootDevice(task, 'floppy')).rejects.toThrow(InvalidParameterValueError);
    await expect(shared(task).driver.management.setBootDevice(shared(task), 'disk')).rejects.toThrow(ExclusiveLockRequiredError);
    await expect(task.driver.management.getBootDevice(task)).resolves.toEqual({ bootDevice: 'pxe', persistent: false });
  });

  it('keeps boot mode and secure boot, and refuses secure boot in BIOS mode', async () => {
    const task = fakeTask(registry);
    const management = task.driver.management;
    await expect(management.getBootMode(task)).resolves.toBe('uefi');
    await expect(management.getSecureBootState(task)).resolves.toBe(false);
    await management.setSecureBootState(task, true);
    await expect(management.getSecureBootState(task)).resolves.toBe(true);
    await management.setSecureBootState(task, false);
    await management.setBootMode(task, 'bios');
    await management.setBootMode(task, 'bios');
    await expect(management.getBootMode(task)).resolves.toBe('bios');
    await expect(management.setSecureBootState(task, true)).rejects.toThrow(/needs UEFI/);
    await expect(management.getSupportedBootModes(task)).resolves.toEqual(['bios', 'uefi']);
  });

  it('starts from the boot mode recorded on the node', async () => {
    const task = fakeTask(registry, { bootMode: 'bios' });
    await expect(task.driver.management.getBootMode(task)).resolves.toBe('bios');
  });

  it('keeps indicator states and enforces read-only indicators', async () => {
    const task = fakeTask(registry);
    const management = task.driver.management;
    await expect(management.getSupportedIndicators(task, 'system')).resolves.toEqual({
      system: { led: { readonly: false, states: ['blinking', 'off', 'on'] } },
    });
    await expect(management.getIndicatorState(task, 'system', 'led')).resolves.toBe('off');
    await management.setIndicatorState(task, 'system', 'led', 'blinking');
    await expect(management.getIndicatorState(task, 'system', 'led')).resolves.toBe('blinking');
    await expect(management.setIndicatorState(task, 'chassis', 'led-0', 'on')).rejects.toThrow(/read-only/);
    await expect(management.getIndicatorState(task, 'disk', 'led')).rejects.toThrow(/Invalid component disk/);
  });

  it('counts NMIs and BMC resets, the latter a clean and deploy step', async () => {
    const task = fakeTask(registry);
    await task.driver.management.injectNmi(task);
    expect(task.node.driverInternalInfo['fake_nmi_count']).toBe(1);
    expect(getSteps(task.driver.management, 'clean').map((s) => [s.step, s.priority])).toEqual([['reset_bmc', 0]]);
    expect(getSteps(task.driver.management, 'deploy').map((s) => [s.step, s.priority])).toEqual([['reset_bmc', 0]]);
    await runStep(task.driver.management, 'clean', 'reset_bmc', task);
    await runStep(task.driver.management, 'deploy', 'reset_bmc', task);
    expect(task.node.driverInternalInfo['fake_bmc_reset_count']).toBe(2);
  });
});
