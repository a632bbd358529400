import { BootActionKeyInvalidError, BootActionKeyMissingError } from '../errors/boot-action.error';
import { checkBootActionKey, newBootActionKey } from './boot-action-key';

describe('boot action keys', () => {
  const key = newBootActionKey();

  it('are 32 random bytes in hex', () => {
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(newBootActionKey()).not.toBe(key);
  });

  it('accept the node’s key, in either case', () => {
    expect(() => checkBootActionKey(key, key, 'n1')).not.toThrow();
    expect(() => checkBootActionKey(key, ` ${key.toUpperCase()} `, 'n1')).not.toThrow();
  });

  it('answer 401 without a key and 403 with another one', () => {
    expect(() => checkBootActionKey(key, undefined, 'n1')).toThrow(BootActionKeyMissingError);
    expect(() => checkBootActionKey(key, '', 'n1')).toThrow(BootActionKeyMissingError);
    for (const wrong of [newBootActionKey(), 'zz', key.slice(2), `${key}00`]) {
      expect(() => checkBootActionKey(key, wrong, 'n1')).toThrow(new BootActionKeyInvalidError({ node: 'n1' }));
    }
  });
});
