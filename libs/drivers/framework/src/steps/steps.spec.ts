import { InvalidParameterValueError } from '@slipway/errors';
import { sampleTask } from '../__fixtures__/sample-drivers.fixture';
import { newDriverNode } from '../driver-node';
import type { BiosSetting } from '../interfaces/bios.interface';
import { BiosInterface } from '../interfaces/bios.interface';
import type { Driver } from '../interface-map';
import { cleanStep, deployStep, serviceStep, verifyStep } from './step.decorators';
import type { StepArgs, StepOutcome } from './step.types';
import { getSteps, runStep, validateStepArgs } from './steps';

class StepBios extends BiosInterface {
  static readonly interfaceName: string = 'step-bios';
  readonly calls: string[] = [];
  getProperties(): Record<string, string> {
    return {};
  }
  async validate(): Promise<void> {}
  async applyConfiguration(): Promise<StepOutcome> {}
  async cacheBiosSettings(): Promise<BiosSetting[]> {
    return [];
  }

  @cleanStep({ priority: 0 })
  @deployStep({ priority: 0, repeatable: false })
  async factoryReset(): Promise<StepOutcome> {
    this.calls.push('factory_reset');
  }

  @cleanStep({ priority: 5, name: 'apply_configuration', argsinfo: { settings: { description: 'What to set.', required: true } } })
  async applyStep(_task: unknown, args: StepArgs): Promise<StepOutcome> {
    this.calls.push(`apply ${JSON.stringify(args)}`);
    return 'wait';
  }

  @serviceStep()
  @verifyStep({ priority: 3 })
  async checkSettings(): Promise<StepOutcome> {}
}

/** Overrides one step with the decorator, another without it. */
class DerivedBios extends StepBios {
  @cleanStep({ priority: 9, abortable: true })
  override async factoryReset(): Promise<StepOutcome> {}

  override async applyStep(): Promise<StepOutcome> {}
}

const task = () => sampleTask(newDriverNode({ uuid: 'n1', driver: 'any' }), {} as Driver);

describe('step decorators', () => {
  it('record each kind with Ironic defaults and the snake_case name', () => {
    const bios = new StepBios();
    expect(getSteps(bios, 'deploy')).toEqual([
      { step: 'factory_reset', priority: 0, interface: 'bios', abortable: true, argsinfo: null, requiresRamdisk: false, repeatable: false },
    ]);
    expect(getSteps(bios, 'clean')).toEqual([
      { step: 'factory_reset', priority: 0, interface: 'bios', abortable: false, argsinfo: null, requiresRamdisk: true, repeatable: true },
      {
        step: 'apply_configuration',
        priority: 5,
        interface: 'bios',
        abortable: false,
        argsinfo: { settings: { description: 'What to set.', required: true } },
        requiresRamdisk: true,
        repeatable: true,
      },
    ]);
    expect(getSteps(bios, 'service')).toEqual([expect.objectContaining({ step: 'check_settings', priority: 0, requiresRamdisk: true })]);
    expect(getSteps(bios, 'verify')).toEqual([expect.objectContaining({ step: 'check_settings', priority: 3 })]);
  });

  it('follow overrides: re-decorated steps change, undecorated overrides disappear', () => {
    const steps = getSteps(new DerivedBios(), 'clean');
    expect(steps).toEqual([expect.objectContaining({ step: 'factory_reset', priority: 9, abortable: true })]);
    expect(getSteps(new DerivedBios(), 'deploy')).toEqual([]);
    expect(getSteps(new DerivedBios(), 'verify')).toEqual([expect.objectContaining({ step: 'check_settings' })]);
  });

  it('reject bad priorities and argsinfo when the class is defined', () => {
    expect(() => cleanStep({ priority: -1 })({}, 'x', {})).toThrow(InvalidParameterValueError);
    expect(() => cleanStep({ priority: 1.5 })({}, 'x', {})).toThrow(/priority must be a non-negative integer/);
    expect(() => deployStep({ priority: 1, argsinfo: { a: { description: '' } } })({}, 'x', {})).toThrow(/needs a description/);
    expect(() => deployStep({ priority: 1, argsinfo: { a: { description: 'd', default: 1 } as never } })({}, 'x', {})).toThrow(/unknown keys default/);
  });
});

describe('running steps', () => {
  it('calls the step method with its arguments and passes its outcome on', async () => {
    const bios = new StepBios();
    await expect(runStep(bios, 'clean', 'apply_configuration', task(), { settings: [] })).resolves.toBe('wait');
    await runStep(bios, 'deploy', 'factory_reset', task());
    expect(bios.calls).toEqual(['apply {"settings":[]}', 'factory_reset']);
  });

  it('refuses unknown steps, unknown arguments and missing required ones', async () => {
    const bios = new StepBios();
    await expect(runStep(bios, 'deploy', 'apply_configuration', task(), {})).rejects.toThrow(/has no deploy step apply_configuration/);
    await expect(runStep(bios, 'clean', 'apply_configuration', task(), {})).rejects.toThrow(/missing required arguments settings/);
    await expect(runStep(bios, 'clean', 'factory_reset', task(), { force: true })).rejects.toThrow(/unexpected arguments force/);
    expect(bios.calls).toEqual([]);
  });

  it('validates arguments on their own for the conductor', () => {
    const [step] = getSteps(new StepBios(), 'clean').filter((s) => s.step === 'apply_configuration');
    expect(() => validateStepArgs(step as never, { settings: [], extra: 1 })).toThrow(InvalidParameterValueError);
    expect(() => validateStepArgs(step as never, { settings: [] })).not.toThrow();
  });
});
