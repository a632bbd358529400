import { cpuArchitecture } from './cpu-architecture';
import { localGb } from './local-disk';

const GIB = 1024 ** 3;

describe('cpuArchitecture (Ironic names)', () => {
  it.each([
    ['x86-64', 'x86', 'x86_64'],
    ['ARM-A64', 'ARM', 'aarch64'],
    ['ARM-A32', undefined, 'arm'],
    ['x86', 'x86', 'i686'],
    ['PowerISA', 'Power', 'ppc64le'],
    ['MIPS64', 'MIPS', 'mips64'],
    ['IA-64', 'IA-64', 'ia64'],
    // The InstructionSet says nothing useful: ProcessorArchitecture decides.
    ['OEM', 'x86', 'x86_64'],
    [undefined, 'ARM', 'arm'],
    [undefined, 'OEM', undefined],
    [undefined, undefined, undefined],
  ])('InstructionSet %s, ProcessorArchitecture %s → %s', (instructionSet, architecture, expected) => {
    expect(cpuArchitecture(instructionSet, architecture)).toBe(expected);
  });
});

describe('localGb (Ironic local_gb)', () => {
  it('takes the smallest disk of at least 4 GiB, in GiB, minus 1, rounded down', () => {
    expect(localGb({ simpleStorage: [2 * GIB, 100 * GIB + 5, 50.5 * GIB], volumes: [], drives: [] })).toBe(49);
    expect(localGb({ simpleStorage: [4 * GIB], volumes: [], drives: [] })).toBe(3);
    expect(localGb({ simpleStorage: [4 * GIB - 1], volumes: [], drives: [] })).toBe(0);
  });

  it('prefers volumes over drives within Storage, and takes the smaller of SimpleStorage and Storage', () => {
    expect(localGb({ simpleStorage: [], volumes: [200 * GIB], drives: [100 * GIB] })).toBe(199);
    expect(localGb({ simpleStorage: [], volumes: [1 * GIB], drives: [100 * GIB] })).toBe(99);
    expect(localGb({ simpleStorage: [300 * GIB], volumes: [200 * GIB], drives: [] })).toBe(199);
    expect(localGb({ simpleStorage: [30 * GIB], volumes: [200 * GIB], drives: [] })).toBe(29);
  });

  it('is 0 for a diskless node', () => {
    expect(localGb({ simpleStorage: [], volumes: [], drives: [] })).toBe(0);
  });
});
