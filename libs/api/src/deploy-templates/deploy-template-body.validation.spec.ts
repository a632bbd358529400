import { InvalidDeployTemplateError, InvalidParameterValueError } from '@slipway/errors';
import { pruneStep, validateDeployStepOfPatch, validateDeployTemplate } from './deploy-template-body.validation';

// The messages are the ones Ironic 2023.1 answered for the same bodies.
const step = (fields: Record<string, unknown> = {}) => ({ interface: 'bios', step: 'x', args: {}, priority: 1, ...fields });
const messageOf = (body: unknown, label: 'template' | 'patch' = 'template') => {
  try {
    validateDeployTemplate(body, label);
  } catch (error) {
    // Every refusal is a 400 of the Invalid family.
    expect((error as InvalidParameterValueError).httpStatus).toBe(400);
    return (error as Error).message;
  }
  return undefined;
};

describe('validateDeployTemplate', () => {
  it.each([
    [{}, "Schema error for template: 'steps' is a required property"],
    [{ name: 'CUSTOM_X' }, "Schema error for template: 'steps' is a required property"],
    [[], "Schema error for template: [] is not of type 'object'"],
    [{ name: 'bad', steps: [step()] }, "Schema error for template: 'bad' is not valid under any of the given schemas. Possible root cause: 'bad' does not match '^CUSTOM_[A-Z0-9_]+$'"],
    [{ name: 'CUSTOM_lower', steps: [step()] }, "Schema error for template: 'CUSTOM_lower' is not valid under any of the given schemas. Possible root cause: 'CUSTOM_lower' does not match '^CUSTOM_[A-Z0-9_]+$'"],
    [{ name: 5, steps: [step()] }, "Schema error for template: 5 is not of type 'string'"],
    [{ name: 'CUSTOM_X', steps: [] }, 'Schema error for template: [] is too short'],
    [{ name: 'CUSTOM_X', steps: 'x' }, "Schema error for template: 'x' is not of type 'array'"],
    [{ name: 'CUSTOM_X', steps: [step({ interface: 'nope' })] }, "Schema error for template: 'nope' is not one of ['power', 'management', 'deploy', 'bios', 'raid']"],
    [{ name: 'CUSTOM_X', steps: [step({ priority: -1 })] }, 'Schema error for template: -1 is less than the minimum of 0'],
    [{ name: 'CUSTOM_X', steps: [step({ priority: '-5' })] }, "Schema error for template: '-5' does not match '^[0-9]+$'"],
    [{ name: 'CUSTOM_X', steps: [step({ priority: 1.5 })] }, "Schema error for template: 1.5 is not valid under any of the given schemas. Possible root cause: 1.5 is not of type 'integer'"],
    [{ name: 'CUSTOM_X', steps: [step({ priority: true })] }, "Schema error for template: True is not valid under any of the given schemas. Possible root cause: True is not of type 'integer'"],
    [{ name: 'CUSTOM_X', steps: [step({ args: [] })] }, "Schema error for template: [] is not of type 'object'"],
    [{ name: 'CUSTOM_X', steps: [{ interface: 'bios', step: 'x', priority: 1 }] }, "Schema error for template: 'args' is a required property"],
    [{ name: 'CUSTOM_X', steps: [step({ step: '' })] }, "Schema error for template: '' is too short"],
    [{ name: 'CUSTOM_X', steps: [step({ foo: 2 })] }, "Schema error for template: Additional properties are not allowed ('foo' was unexpected)"],
    [{ name: 'CUSTOM_X', steps: [step()], foo: 'd' }, "Schema error for template: Additional properties are not allowed ('foo' was unexpected)"],
    [{ name: 'CUSTOM_X', steps: [step()], extra: [] }, "Schema error for template: [] is not of type 'object', 'null'"],
    [{ name: 'CUSTOM_X', steps: [step()], uuid: 'nope' }, 'Expected UUID for uuid: nope'],
    [
      { name: 'CUSTOM_X', steps: [step(), step({ args: { a: 1 }, priority: 2 })] },
      'Deploy template invalid: Duplicate deploy steps. A deploy template cannot have multiple deploy steps with the same interface and step. Duplicates: interface: bios, step: x.',
    ],
  ])('%j → %s', (body, message) => {
    expect(messageOf(body)).toBe(message);
  });

  it('names the patch in messages, and the duplicate steps as InvalidDeployTemplate', () => {
    expect(messageOf({ name: 'CUSTOM_X' }, 'patch')).toBe("Schema error for patch: 'steps' is a required property");
    expect(() => validateDeployTemplate({ name: 'CUSTOM_X', steps: [step(), step()] }, 'template')).toThrow(InvalidDeployTemplateError);
  });

  it('accepts standard traits, digit priorities and a description (dropped), with defaults', () => {
    const body = validateDeployTemplate({ name: 'HW_CPU_X86_VMX', steps: [step({ priority: '5', interface: 'raid' })], description: 'd', uuid: null, extra: null }, 'template');
    expect(body).toEqual({ name: 'HW_CPU_X86_VMX', steps: [{ interface: 'raid', step: 'x', args: {}, priority: 5 }], extra: {}, uuid: undefined });
  });

  it('prunes unknown keys of a patched step before checking it alone', () => {
    expect(validateDeployStepOfPatch(pruneStep(step({ foo: 3 })))).toEqual(step());
    expect(() => validateDeployStepOfPatch(pruneStep(step({ priority: -3 })))).toThrow('Schema error for patch: -3 is less than the minimum of 0');
  });
});
