import { InvalidParameterValueError, MissingParameterValueError } from '@slipway/errors';
import { getSteps, runStep } from '@slipway/drivers-framework';
import { fakeRegistry, fakeTask } from './__fixtures__/fake-task.fixture';

const target = {
  logical_disks: [
    { size_gb: 100, raid_level: '1', is_root_volume: true },
    { size_gb: 'MAX', raid_level: '5' },
  ],
};

describe('FakeRaidInterface', () => {
  const { registry } = fakeRegistry();

  it('builds the target configuration and reports it as raid_config', async () => {
    const task = fakeTask(registry, { targetRaidConfig: target });
    await task.driver.raid.createConfiguration(task);
    const built = {
      logical_disks: [
        { size_gb: 100, raid_level: '1', is_root_volume: true, controller: 'fake-raid-controller' },
        { size_gb: 'MAX', raid_level: '5', controller: 'fake-raid-controller' },
      ],
    };
    expect(task.node.raidConfig).toEqual(built);
    expect(task.node.driverInternalInfo['fake_raid_config']).toEqual(built);
    await task.driver.raid.deleteConfiguration(task);
    expect(task.node.raidConfig).toEqual({});
    expect(task.node.driverInternalInfo).toEqual({});
  });

  it('builds only the root volume or only the others when asked, keeping existing ones if told', async () => {
    const task = fakeTask(registry, { targetRaidConfig: target });
    await runStep(task.driver.raid, 'clean', 'create_configuration', task, { create_nonroot_volumes: false });
    expect((task.node.raidConfig['logical_disks'] as unknown[]).length).toBe(1);
    await runStep(task.driver.raid, 'clean', 'create_configuration', task, { create_root_volume: false, delete_existing: false });
    expect((task.node.raidConfig['logical_disks'] as { raid_level: string }[]).map((d) => d.raid_level)).toEqual(['1', '5']);
    await expect(runStep(task.driver.raid, 'clean', 'create_configuration', task, { create_root_volume: 'no' })).rejects.toThrow(/must be a boolean/);
  });

  it('needs a target configuration, and a valid one', async () => {
    await expect(fakeTask(registry).driver.raid.createConfiguration(fakeTask(registry))).rejects.toThrow(MissingParameterValueError);
    const bad = fakeTask(registry, { targetRaidConfig: { logical_disks: [{ size_gb: 1, raid_level: '3' }] } });
    await expect(bad.driver.raid.createConfiguration(bad)).rejects.toThrow(InvalidParameterValueError);
  });

  it('applies a configuration given to the deploy step and makes it the target', async () => {
    const task = fakeTask(registry);
    await runStep(task.driver.raid, 'deploy', 'apply_configuration', task, { raid_config: target });
    expect(task.node.targetRaidConfig).toEqual(target);
    expect((task.node.raidConfig['logical_disks'] as unknown[]).length).toBe(2);
    await expect(runStep(task.driver.raid, 'deploy', 'apply_configuration', task, {})).rejects.toThrow(/missing required arguments raid_config/);
  });

  it('declares clean and deploy steps', () => {
    const raid = fakeTask(registry).driver.raid;
    expect(getSteps(raid, 'clean').map((s) => s.step)).toEqual(['create_configuration', 'delete_configuration']);
    expect(getSteps(raid, 'deploy').map((s) => s.step)).toEqual(['delete_configuration', 'apply_configuration']);
    expect(getSteps(raid, 'deploy').find((s) => s.step === 'apply_configuration')?.argsinfo).toHaveProperty('raid_config.required', true);
    expect(raid.getLogicalDiskProperties()).toHaveProperty('size_gb');
  });
});
