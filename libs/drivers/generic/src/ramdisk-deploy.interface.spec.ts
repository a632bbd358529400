import { DEFAULT_DRIVER_CONFIG, describeInterfaceConformance, DriverRegistry, getSteps, MissingParameterValueError, newDriverNode, type DriverNode, type DriverTask } from '@slipway/drivers-framework';
import { FAKE_STATE, registerFakeDrivers } from '@slipway/drivers-fake';
import { getLogger } from '@slipway/logging';
import { registerGenericDrivers } from './register-generic-drivers';

const registry = new DriverRegistry();
registerFakeDrivers(registry, { sleep: async () => undefined });
registerGenericDrivers(registry);
registry.load(DEFAULT_DRIVER_CONFIG);

const ISO = { boot_iso: 'http://images.example/instance.iso' };

/** A fake-hardware node deploying with `ramdisk` (fake-hardware accepts any enabled interface). */
function task(init: Partial<DriverNode> = {}): DriverTask {
  const node = newDriverNode({ uuid: 'node-1', driver: 'fake-hardware', ...init, deployInterface: 'ramdisk' });
  Object.assign(node, Object.fromEntries(Object.entries(registry.resolveInterfaces(node)).map(([type, name]) => [`${type}Interface`, name])));
  return { node, driver: registry.buildDriver(node), shared: false, ports: [], log: getLogger('ramdisk-deploy-test') };
}

describe('RamdiskDeployInterface', () => {
  it('is enabled by default, as in Ironic', () => {
    expect(registry.enabledInterfaces('deploy')).toContain('ramdisk');
  });

  it('needs boot_iso, or kernel and ramdisk together, in instance_info', async () => {
    await expect(task({ instanceInfo: ISO }).driver.deploy.validate(task({ instanceInfo: ISO }))).resolves.toBeUndefined();
    const kernelAndRamdisk = task({ instanceInfo: { kernel: 'http://x/k', ramdisk: 'http://x/r' } });
    await expect(kernelAndRamdisk.driver.deploy.validate(kernelAndRamdisk)).resolves.toBeUndefined();
    const kernelOnly = task({ instanceInfo: { kernel: 'http://x/k' } });
    const failure = kernelOnly.driver.deploy.validate(kernelOnly);
    await expect(failure).rejects.toBeInstanceOf(MissingParameterValueError);
    await expect(failure).rejects.toThrow('instance_info.boot_iso');
  });

  it('has one deploy step that powers off, attaches the instance boot and powers on', async () => {
    const deploying = task({ instanceInfo: ISO, driverInternalInfo: { [FAKE_STATE.powerState]: 'power on' } });
    expect(getSteps(deploying.driver.deploy, 'deploy').map((step) => [step.step, step.priority])).toEqual([['deploy', 100]]);
    expect(getSteps(deploying.driver.deploy, 'clean')).toEqual([]);
    await deploying.driver.deploy.deploy(deploying);
    expect(deploying.node.driverInternalInfo[FAKE_STATE.instanceBoot]).toBe(true);
    expect(deploying.node.powerState).toBe('power on');
  });

  it('tears down by powering off and detaching the instance boot', async () => {
    const active = task({ instanceInfo: ISO, provisionState: 'active', driverInternalInfo: { [FAKE_STATE.powerState]: 'power on', [FAKE_STATE.instanceBoot]: true } });
    await active.driver.deploy.tearDown(active);
    expect(active.node.powerState).toBe('power off');
    expect(active.node.driverInternalInfo[FAKE_STATE.instanceBoot]).toBeUndefined();
  });

  it('attaches the instance boot again when a conductor prepares an active node it takes over', async () => {
    const active = task({ instanceInfo: ISO, provisionState: 'active' });
    await active.driver.deploy.prepare(active);
    await active.driver.deploy.takeOver(active);
    expect(active.node.driverInternalInfo[FAKE_STATE.instanceBoot]).toBe(true);
  });
});

describeInterfaceConformance({
  type: 'deploy',
  name: 'ramdisk',
  task: (init = {}) => task({ instanceInfo: ISO, ...init }),
  validDriverInfo: {},
  invalidDriverInfo: [],
});
