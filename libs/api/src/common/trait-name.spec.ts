import { isValidTrait, traitProblem } from './trait-name';

describe('trait names', () => {
  it('accepts custom names and the standard os-traits names only', () => {
    expect(isValidTrait('CUSTOM_GPU_2')).toBe(true);
    expect(isValidTrait('HW_CPU_X86_AVX2')).toBe(true);
    expect(isValidTrait('COMPUTE_NODE')).toBe(true);
    expect(isValidTrait('HW_NOT_A_REAL_TRAIT')).toBe(false);
    expect(isValidTrait('CUSTOM_lower')).toBe(false);
    expect(isValidTrait('CUSTOM_')).toBe(false);
  });

  it('says what is wrong as Ironic\'s schema does', () => {
    expect(traitProblem(5)).toBe("5 is not of type 'string'");
    expect(traitProblem('')).toBe("'' is too short");
    expect(traitProblem(`CUSTOM_${'A'.repeat(250)}`)).toMatch(/ is too long$/);
    expect(traitProblem('bad')).toBe("'bad' is not valid under any of the given schemas. Possible root cause: 'bad' does not match '^CUSTOM_[A-Z0-9_]+$'");
  });
});
