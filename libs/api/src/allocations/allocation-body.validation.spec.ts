import { validateAllocationBody } from './allocation-body.validation';

// The messages are the ones Ironic 2023.1 answered for the same bodies.
describe('validateAllocationBody', () => {
  it.each([
    [{ resource_class: 'x', traits: ['bad'] }, "Schema error for allocation: 'bad' is not valid under any of the given schemas. Possible root cause: 'bad' does not match '^CUSTOM_[A-Z0-9_]+$'"],
    [{ resource_class: 'x', foo: 1 }, "Schema error for allocation: Additional properties are not allowed ('foo' was unexpected)"],
    [{ resource_class: 5 }, "Schema error for allocation: 5 is not of type 'string', 'null'"],
    [{ resource_class: 'x', uuid: 'abc' }, 'Expected UUID for uuid: abc'],
    [{ resource_class: 'x'.repeat(81) }, `Schema error for allocation: '${'x'.repeat(81)}' is too long`],
    [{ candidate_nodes: 'n1' }, "Schema error for allocation: 'n1' is not of type 'array', 'null'"],
    [{ candidate_nodes: [5] }, "Schema error for allocation: 5 is not of type 'string'"],
    [{ extra: [] }, "Schema error for allocation: [] is not of type 'object', 'null'"],
    [[], "Schema error for allocation: [] is not of type 'object'"],
  ])('%j → %s', (body, message) => {
    expect(() => validateAllocationBody(body, 'allocation')).toThrow(message);
  });

  it('prefers the shallowest error, as jsonschema best_match does', () => {
    expect(() => validateAllocationBody({ traits: ['bad'], foo: 1, bar: 2 }, 'allocation')).toThrow("Additional properties are not allowed ('foo', 'bar' were unexpected)");
  });

  it('accepts nulls everywhere and standard or custom traits', () => {
    const body = { resource_class: null, traits: ['CUSTOM_GPU', 'HW_CPU_X86_AVX2'], candidate_nodes: null, name: null, uuid: null, extra: null, node: null, owner: null };
    expect(validateAllocationBody(body, 'allocation')).toEqual(body);
    expect(() => validateAllocationBody({ name: 5 }, 'patch')).toThrow("Schema error for patch: 5 is not of type 'string', 'null'");
  });
});
