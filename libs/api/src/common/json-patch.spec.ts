import { applyPatch, checkPatchPaths, parsePatch } from './json-patch';

describe('JSON Patch', () => {
  const node = { name: 'n1', extra: { k: 'v' }, properties: { disks: [1, 2] }, maintenance: false };

  it('adds, replaces and removes, one operation after another', () => {
    const patched = applyPatch(
      node,
      parsePatch([
        { op: 'replace', path: '/name', value: 'n2' },
        { op: 'add', path: '/extra/new', value: { a: 1 } },
        { op: 'remove', path: '/extra/k' },
        { op: 'add', path: '/properties/disks/-', value: 3 },
        { op: 'replace', path: '/properties/disks/0', value: 0 },
      ]),
    );
    expect(patched).toEqual({ name: 'n2', extra: { new: { a: 1 } }, properties: { disks: [0, 2, 3] }, maintenance: false });
    expect(node.extra).toEqual({ k: 'v' }); // the input is not changed
  });

  it('decodes ~1 and ~0 in keys', () => {
    expect(applyPatch({ extra: {} }, parsePatch([{ op: 'add', path: '/extra/a~1b~0c', value: 1 }]))).toEqual({ extra: { 'a/b~c': 1 } });
  });

  it("fails like Ironic when removing something that isn't there", () => {
    expect(() => applyPatch(node, parsePatch([{ op: 'remove', path: '/extra/nothing' }]))).toThrow(
      "Couldn't apply patch '{'op': 'remove', 'path': '/extra/nothing'}'. Reason: can't remove a non-existent object 'nothing'",
    );
    expect(() => applyPatch(node, parsePatch([{ op: 'add', path: '/missing/x', value: 1 }]))).toThrow("can't find the parent");
    expect(() => applyPatch(node, parsePatch([{ op: 'replace', path: '/properties/disks/9', value: 1 }]))).toThrow('out of range');
  });

  it('refuses a body that is not a list of valid operations', () => {
    expect(() => parsePatch({ op: 'replace', path: '/name', value: 'x' })).toThrow('must be a list');
    expect(() => parsePatch([{ op: 'frobnicate', path: '/name', value: 'x' }])).toThrow("'frobnicate' is not one of ['add', 'replace', 'remove']");
    expect(() => parsePatch([{ op: 'replace', path: 'name', value: 'x' }])).toThrow('not a valid patch path');
    expect(() => parsePatch([{ op: 'add', path: '/name' }])).toThrow("'value' is a required property");
    expect(() => parsePatch([null])).toThrow('must be an object');
  });

  it('lists the patchable fields when a path is not one of them', () => {
    expect(() => checkPatchPaths(parsePatch([{ op: 'replace', path: '/uuid', value: 'x' }]), ['name', 'extra'])).toThrow('Cannot patch /uuid. Only the following can be updated: extra, name');
    expect(() => checkPatchPaths(parsePatch([{ op: 'add', path: '/extra/x', value: 1 }]), ['name', 'extra'])).not.toThrow();
  });
});
