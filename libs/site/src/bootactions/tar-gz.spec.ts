import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InvalidParameterValueError } from '@slipway/errors';
import { tarGz, type RenderedAsset } from './tar-gz';

// Read back with the system tar (GNU tar): the listing, then an extraction into a temp folder.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slipway-tar-gz-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(assets: RenderedAsset[], options?: { mtime?: Date }): string {
  const file = join(dir, 'assets.tar.gz');
  writeFileSync(file, tarGz(assets, options));
  return file;
}

const tar = (...args: string[]) => execFileSync('tar', args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });

const asset = (path: string, mode: number, content: string): RenderedAsset => ({ path, mode, content: Buffer.from(content) });

describe('tarGz', () => {
  const hello = asset('/var/tmp/hello.sh', 0o555, "#!/bin/bash\n\necho 'Hello World! -from compute01'");
  const unit = asset('/lib/systemd/system/hello.service', 0o600, '[Unit]\nDescription=Hello World\n');
  const empty = asset('/etc/empty', 0o644, '');
  const block = asset('/srv/block.bin', 0o640, 'x'.repeat(512));

  it('lists each asset as a regular file with its absolute path, mode, size and owner 0/0', () => {
    const listing = tar('-tzvf', write([hello, unit, empty, block]))
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/));
    expect(listing.map(([mode, owner, size, date, time, path]) => ({ mode, owner, size, date, time, path }))).toEqual([
      { mode: '-r-xr-xr-x', owner: '0/0', size: String(hello.content.length), date: '1970-01-01', time: '00:00', path: '/var/tmp/hello.sh' },
      { mode: '-rw-------', owner: '0/0', size: String(unit.content.length), date: '1970-01-01', time: '00:00', path: '/lib/systemd/system/hello.service' },
      { mode: '-rw-r--r--', owner: '0/0', size: '0', date: '1970-01-01', time: '00:00', path: '/etc/empty' },
      { mode: '-rw-r-----', owner: '0/0', size: '512', date: '1970-01-01', time: '00:00', path: '/srv/block.bin' },
    ]);
  });

  it('extracts to the same contents and modes', () => {
    const file = write([hello, unit, empty, block]);
    const out = join(dir, 'root');
    execFileSync('mkdir', [out]);
    tar('-xpzf', file, '-C', out);
    for (const { path, mode, content } of [hello, unit, empty, block]) {
      expect(readFileSync(join(out, path))).toEqual(content);
      expect(statSync(join(out, path)).mode & 0o7777).toBe(mode);
    }
  });

  it('writes the given mtime', () => {
    const listing = tar('-tzvf', write([hello], { mtime: new Date('2024-05-06T07:08:09Z') }));
    expect(listing).toContain('2024-05-06 07:08 /var/tmp/hello.sh');
  });

  it('is a ustar archive: magic, version, checksum, then two zero blocks', () => {
    const raw = gunzipSync(tarGz([hello]));
    expect(raw.subarray(257, 265).toString('latin1')).toBe('ustar\u000000');
    const checksum = [...raw.subarray(0, 512)].reduce((sum, byte, index) => sum + (index >= 148 && index < 156 ? 0x20 : byte), 0);
    expect(raw.subarray(148, 156).toString('latin1')).toBe(`${checksum.toString(8).padStart(6, '0')}\0 `);
    expect(raw.length).toBe(512 + 512 + 1024);
    expect(raw.subarray(1024).every((byte) => byte === 0)).toBe(true);
  });

  it('puts a path longer than 100 bytes in the prefix field, and tar joins it back', () => {
    const path = `/opt/${'d'.repeat(60)}/${'e'.repeat(60)}/${'f'.repeat(90)}.conf`;
    const long = asset(path, 0o644, 'long');
    const raw = gunzipSync(tarGz([long]));
    expect(raw.subarray(345, 345 + 155).toString('latin1').replace(/\0+$/, '')).toBe(`/opt/${'d'.repeat(60)}/${'e'.repeat(60)}`);
    expect(tar('-tzf', write([long])).trim()).toBe(path);
  });

  it.each([
    [`/${'x'.repeat(120)}`, 'the path is 121 bytes; ustar takes at most 100 bytes after a / and 155 before it'],
    [`/${'p'.repeat(160)}/name`, 'the path is 166 bytes; ustar takes at most 100 bytes after a / and 155 before it'],
    ['', 'the path is empty'],
    ['/etc/a\0b', 'the path contains a NUL byte'],
  ])('refuses the path %j', (path, problem) => {
    expect(() => tarGz([asset(path, 0o644, 'x')])).toThrow(new InvalidParameterValueError(`Cannot put ${path} in a tar archive: ${problem}`));
  });

  it('refuses a mode that is not a file mode', () => {
    expect(() => tarGz([asset('/etc/x', 0o10000, 'x')])).toThrow('Cannot put /etc/x in a tar archive: mode 4096 is not a file mode (0 to 0o7777)');
  });

  it('writes an empty archive for no assets', () => {
    expect(tar('-tzf', write([]))).toBe('');
  });
});
