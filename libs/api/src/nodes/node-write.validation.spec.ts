import { checkPatchVersions, NODE_PATCHABLE_FIELDS, validateNodeChanges, validateNodeCreate } from './node-write.validation';

const PARENT = '0b6a3a94-1f7c-4f1b-9d70-4b7c9c5a0001';

describe('node write validation', () => {
  it('takes parent_node from 1.83 and firmware_interface from 1.86, 406 before', () => {
    expect(validateNodeCreate({ driver: 'fake-hardware', parent_node: PARENT, firmware_interface: 'no-firmware' }, 86)).toEqual({ driver: 'fake-hardware', parent_node: PARENT, firmware_interface: 'no-firmware' });
    expect(() => validateNodeCreate({ driver: 'fake-hardware', parent_node: PARENT }, 82)).toThrow(expect.objectContaining({ httpStatus: 406 }));
    expect(() => validateNodeCreate({ driver: 'fake-hardware', firmware_interface: 'no-firmware' }, 85)).toThrow(expect.objectContaining({ httpStatus: 406 }));
    expect(validateNodeChanges({ parent_node: null }, 83)).toEqual({ parent_node: null });
    expect(() => validateNodeChanges({ parent_node: 7 }, 83)).toThrow("Schema error for node: 'parent_node' must be of type string");
  });

  it('lets both fields be patched, refusing a patch of a field newer than the version with 406 before it applies', () => {
    expect(NODE_PATCHABLE_FIELDS).toEqual(expect.arrayContaining(['parent_node', 'firmware_interface']));
    expect(() => checkPatchVersions([{ path: '/parent_node' }], 83)).not.toThrow();
    expect(() => checkPatchVersions([{ path: '/extra/a' }, { path: '/parent_node' }], 82)).toThrow(expect.objectContaining({ httpStatus: 406, message: 'Request not acceptable.' }));
    expect(() => checkPatchVersions([{ path: '/firmware_interface' }], 85)).toThrow(expect.objectContaining({ httpStatus: 406 }));
    expect(() => checkPatchVersions([{ path: '/shard' }], 81)).toThrow(expect.objectContaining({ httpStatus: 406 }));
  });
});
