import { PARTITION_TABLE_RESERVATION, parseSize } from './parse-size';

const MiB = 2 ** 20;

describe('parseSize', () => {
  it.each([
    ['500m', 500e6],
    ['500M', 500e6],
    ['500mb', 500e6],
    ['500MB', 500e6],
    ['20g', 20e9],
    ['20GB', 20e9],
    ['2t', 2e12],
    ['512mi', 512 * MiB],
    ['512Mi', 512 * MiB],
    ['512MiB', 512 * MiB],
    ['8gi', 8 * 2 ** 30],
    ['8GiB', 8 * 2 ** 30],
    ['1ti', 2 ** 40],
  ])('%s is %d bytes', (text, bytes) => {
    expect(parseSize(text)).toEqual({ ok: true, bytes });
  });

  it('takes a percentage of what is available, rounded down', () => {
    expect(parseSize('10%', { availableBytes: 1005 })).toEqual({ ok: true, bytes: 100 });
    expect(parseSize('100%', { availableBytes: 1000 })).toEqual({ ok: true, bytes: 1000 });
  });

  it('gives ">n" all that is left after the partition table, if that is at least n', () => {
    expect(parseSize('>1g', { availableBytes: 10e9 })).toEqual({ ok: true, bytes: 10e9 - PARTITION_TABLE_RESERVATION });
    expect(parseSize('>10g', { availableBytes: 10e9 })).toEqual({ ok: false, error: expect.stringContaining('at least 10000000000 bytes') });
  });

  it('returns errors as values', () => {
    expect(parseSize('20')).toEqual({ ok: false, error: expect.stringContaining("'20' is not a size") });
    expect(parseSize('1.5g')).toMatchObject({ ok: false });
    expect(parseSize('20x')).toMatchObject({ ok: false });
    expect(parseSize('-5g')).toEqual({ ok: false, error: "'-5g' is negative" });
    expect(parseSize('10%')).toEqual({ ok: false, error: expect.stringContaining('depends on the size of the device or volume group') });
    expect(parseSize('>1g')).toMatchObject({ ok: false });
    expect(parseSize('200%', { availableBytes: 1000 })).toEqual({ ok: false, error: "'200%' (2000 bytes) is more than the 1000 bytes available" });
    expect(parseSize('2g', { availableBytes: 1e9 })).toMatchObject({ ok: false });
  });
});
