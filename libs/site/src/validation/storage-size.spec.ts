import { formatDecimalBytes, parseStorageSize } from './storage-size';

describe('parseStorageSize', () => {
  it.each([
    ['500m', { kind: 'bytes', bytes: 500e6, atLeast: false }],
    ['20GB', { kind: 'bytes', bytes: 20e9, atLeast: false }],
    ['2t', { kind: 'bytes', bytes: 2e12, atLeast: false }],
    ['512MiB', { kind: 'bytes', bytes: 512 * 2 ** 20, atLeast: false }],
    ['30gi', { kind: 'bytes', bytes: 30 * 2 ** 30, atLeast: false }],
    ['1TiB', { kind: 'bytes', bytes: 2 ** 40, atLeast: false }],
    ['>100g', { kind: 'bytes', bytes: 100e9, atLeast: true }],
    ['25%', { kind: 'percent', percent: 25, atLeast: false }],
    ['>10%', { kind: 'percent', percent: 10, atLeast: true }],
    ['-5%', { kind: 'percent', percent: -5, atLeast: false }],
  ])('reads %s', (text, size) => {
    expect(parseStorageSize(text)).toEqual(size);
  });

  it.each(['', '20', 'g', '20 gigs', '20b', '1.5g', '20gbx', '>>5g', '%'])('refuses %j', (text) => {
    expect(parseStorageSize(text)).toBeUndefined();
  });

  it('formats decimal sizes for messages', () => {
    expect([formatDecimalBytes(20e9), formatDecimalBytes(19327352832), formatDecimalBytes(800e6), formatDecimalBytes(5e12), formatDecimalBytes(512)]).toEqual(['20 GB', '19.33 GB', '800 MB', '5 TB', '512 bytes']);
  });
});
