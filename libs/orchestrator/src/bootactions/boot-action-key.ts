import { randomBytes, timingSafeEqual } from 'node:crypto';
import { BootActionKeyInvalidError, BootActionKeyMissingError } from '../errors/boot-action.error';

/** A node's key for one deploy: 32 random bytes, as hex (Drydock's identity_key). */
export function newBootActionKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The node's `X-Bootaction-Key` against the stored key: none is 401, another one (or no hex at
 * all) 403. Compared in constant time.
 */
export function checkBootActionKey(stored: string, given: string | string[] | undefined, node: string): void {
  const header = Array.isArray(given) ? given[0] : given;
  if (header === undefined || header.trim() === '') throw new BootActionKeyMissingError();
  const presented = header.trim().toLowerCase();
  const expected = Buffer.from(stored, 'hex');
  const actual = /^[0-9a-f]+$/.test(presented) && presented.length % 2 === 0 ? Buffer.from(presented, 'hex') : Buffer.alloc(0);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new BootActionKeyInvalidError({ node });
}
