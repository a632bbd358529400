import { randomBytes } from 'node:crypto';

// ULIDs name boot actions, as in Drydock: 26 characters of Crockford base32, the first 10 the
// creation time in milliseconds, the last 16 random (80 bits), so ids sort by creation.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function ulid(now: number = Date.now(), random: Buffer = randomBytes(10)): string {
  if (!Number.isSafeInteger(now) || now < 0 || now >= 2 ** 48) throw new RangeError(`a ULID's time must be 0 to 2^48 - 1 milliseconds, got ${now}`);
  if (random.length !== 10) throw new RangeError(`a ULID takes 10 random bytes, got ${random.length}`);
  let time = '';
  for (let rest = now, index = 0; index < 10; index++, rest = Math.floor(rest / 32)) time = ALPHABET[rest % 32] + time;
  let bits = 0n;
  for (const byte of random) bits = (bits << 8n) | BigInt(byte);
  let tail = '';
  for (let index = 0; index < 16; index++, bits >>= 5n) tail = ALPHABET[Number(bits & 31n)] + tail;
  return time + tail;
}
