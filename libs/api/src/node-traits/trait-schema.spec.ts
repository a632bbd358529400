import { checkTrait, checkTraitsBody, isValidTrait } from './trait-schema';
import { ironicExchange } from '../node-states/testing/fake-node-services';

describe('trait schema', () => {
  it("refuses the trait of node.traits.bad with Ironic's message", () => {
    const ironic = ironicExchange('node.traits.bad');
    expect(() => checkTrait(ironic.request.path.split('/').pop() as string)).toThrow(ironic.faultstring);
  });

  it('accepts custom and standard-style names and nothing else', () => {
    expect(['CUSTOM_A', 'CUSTOM_RAID_1', 'HW_CPU_X86_VMX', 'STORAGE_DISK_SSD'].every(isValidTrait)).toBe(true);
    expect(['CUSTOM_', 'custom_a', 'HW-CPU', '', 'CUSTOM_a'].some(isValidTrait)).toBe(false);
  });

  // Messages of Ironic 2023.1's schema validation for the same inputs.
  it.each([
    [{ traits: ['x'] }, "Schema error for body: 'x' is not valid under any of the given schemas. Possible root cause: 'x' does not match '^CUSTOM_[A-Z0-9_]+$'"],
    [{ traits: 'CUSTOM_A' }, "Schema error for body: 'CUSTOM_A' is not of type 'array'"],
    [{ foo: 1 }, "Schema error for body: Additional properties are not allowed ('foo' was unexpected)"],
    [{ traits: [1] }, "Schema error for body: 1 is not of type 'string'"],
    [[], "Schema error for body: [] is not of type 'object'"],
    [{ traits: ['lower', 5] }, "Schema error for body: 5 is not of type 'string'"],
  ])('refuses the body %j', (body, message) => {
    expect(() => checkTraitsBody(body)).toThrow(message);
  });

  it('checks lengths before patterns', () => {
    expect(() => checkTrait('')).toThrow("Schema error for trait: '' is too short");
    expect(() => checkTrait(`CUSTOM_${'A'.repeat(250)}`)).toThrow(/is too long$/);
  });

  it('returns the listed traits, or nothing when the body names none', () => {
    expect(checkTraitsBody({ traits: ['CUSTOM_A', 'CUSTOM_A'] })).toEqual(['CUSTOM_A', 'CUSTOM_A']);
    expect(checkTraitsBody({})).toBeUndefined();
    expect(checkTraitsBody(null)).toBeUndefined();
  });
});
