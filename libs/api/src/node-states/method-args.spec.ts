import { booleanArg, integerArg, methodArgs, required, stringArg } from './method-args';
import { pythonRepr } from '../common/python-repr';

describe('method arguments with Ironic rules', () => {
  it('takes the body keys as arguments and refuses unknown ones', () => {
    expect(methodArgs({ target: 'power on' }, ['target', 'timeout'])).toEqual({ target: 'power on' });
    expect(methodArgs(undefined, ['target'])).toEqual({});
    expect(() => methodArgs({ target: 'x', force: true, x: 1 }, ['target'])).toThrow('Unexpected arguments: force, x');
  });

  it('requires a mandatory argument to be present, null included', () => {
    expect(() => required({}, 'target')).toThrow('Missing mandatory parameter: target');
    expect(required({ target: null }, 'target')).toBeNull();
  });

  it('checks strings, integers and booleans like Ironic does', () => {
    expect(stringArg('target', 'on')).toBe('on');
    expect(stringArg('target', null)).toBeUndefined();
    expect(() => stringArg('target', 5)).toThrow('Expected string for target: 5');
    expect(() => stringArg('target', ['a'])).toThrow("Expected string for target: ['a']");
    expect([integerArg('timeout', 5), integerArg('timeout', ' +7 '), integerArg('timeout', 2.9), integerArg('timeout', true)]).toEqual([5, 7, 2, 1]);
    expect(() => integerArg('timeout', 'soon')).toThrow('Expected an integer for timeout: soon');
    expect(() => integerArg('timeout', '1.5')).toThrow('Expected an integer for timeout: 1.5');
    expect([booleanArg('persistent', true), booleanArg('persistent', 'yes'), booleanArg('persistent', 0)]).toEqual([true, true, false]);
    expect(() => booleanArg('persistent', 'maybe')).toThrow(/^Invalid persistent: Unrecognized value 'maybe', acceptable values are: '0', '1'/);
  });

  it('writes values the way Python prints them', () => {
    expect(pythonRepr({ a: [1, null, true, "it's"] })).toBe(`{'a': [1, None, True, "it's"]}`);
  });
});
