import { ulid, ULID_PATTERN } from './ulid';

describe('ulid', () => {
  it('writes the time in its first 10 characters and the randomness in the last 16', () => {
    expect(ulid(0, Buffer.alloc(10))).toBe('00000000000000000000000000');
    expect(ulid(2 ** 48 - 1, Buffer.alloc(10, 0xff))).toBe('7ZZZZZZZZZZZZZZZZZZZZZZZZZ');
    // 1469918176385 ms is 01ARYZ6S41 (the ULID specification's example time).
    expect(ulid(1469918176385, Buffer.alloc(10)).slice(0, 10)).toBe('01ARYZ6S41');
  });

  it('makes ids that match the pattern, differ, and sort by time', () => {
    const ids = [ulid(1_000), ulid(2_000), ulid(3_000)];
    expect(ids.every((id) => ULID_PATTERN.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 100 }, () => ulid())).size).toBe(100);
  });

  it('refuses a time or randomness it cannot encode', () => {
    expect(() => ulid(-1)).toThrow(RangeError);
    expect(() => ulid(2 ** 48)).toThrow(RangeError);
    expect(() => ulid(0, Buffer.alloc(9))).toThrow(RangeError);
  });
});
