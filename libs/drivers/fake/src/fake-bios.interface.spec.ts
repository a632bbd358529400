import { InvalidParameterValueError } from '@slipway/errors';
import { getSteps, runStep } from '@slipway/drivers-framework';
import { fakeRegistry, fakeTask } from './__fixtures__/fake-task.fixture';
import { FAKE_BIOS_DEFAULTS } from './fake-bios.interface';

describe('FakeBiosInterface', () => {
  const { registry } = fakeRegistry();

  it('starts from factory settings, keeps applied ones and resets them', async () => {
    const task = fakeTask(registry);
    const bios = task.driver.bios;
    const defaults = Object.entries(FAKE_BIOS_DEFAULTS).map(([name, value]) => ({ name, value }));
    await expect(bios.cacheBiosSettings(task)).resolves.toEqual(defaults);
    await runStep(bios, 'clean', 'apply_configuration', task, { settings: [{ name: 'ProcVirtualization', value: 'Disabled' }, { name: 'Added', value: 'x' }] });
    await expect(bios.cacheBiosSettings(task)).resolves.toEqual(
      expect.arrayContaining([
        { name: 'ProcVirtualization', value: 'Disabled' },
        { name: 'Added', value: 'x' },
      ]),
    );
    await runStep(bios, 'deploy', 'factory_reset', task);
    await expect(bios.cacheBiosSettings(task)).resolves.toEqual(defaults);
  });

  it('refuses malformed settings', async () => {
    const task = fakeTask(registry);
    await expect(runStep(task.driver.bios, 'clean', 'apply_configuration', task, { settings: 'all' })).rejects.toThrow(/list of objects/);
    await expect(runStep(task.driver.bios, 'deploy', 'apply_configuration', task, { settings: [{ value: 'x' }] })).rejects.toThrow(
      InvalidParameterValueError,
    );
  });

  it('declares apply_configuration and factory_reset as clean and deploy steps', () => {
    const bios = fakeTask(registry).driver.bios;
    for (const kind of ['clean', 'deploy'] as const) {
      expect(getSteps(bios, kind).map((s) => [s.step, s.priority]).sort()).toEqual([
        ['apply_configuration', 0],
        ['factory_reset', 0],
      ]);
    }
  });
});
