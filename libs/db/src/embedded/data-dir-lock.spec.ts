import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_DIR_LOCK_FILE, lockDataDir } from './data-dir-lock';
import { DataDirLockedError } from './data-dir-locked.error';

describe('lockDataDir', () => {
  let dir: string;
  const lockFile = () => join(dir, DATA_DIR_LOCK_FILE);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-lock-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes our pid, refuses a second lock in this process, and frees the folder on release', () => {
    const lock = lockDataDir(dir);
    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));

    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);

    lock.release();
    expect(existsSync(lockFile())).toBe(false);
    lockDataDir(dir).release();
  });

  it('refuses a folder locked by another running process, naming it', () => {
    writeFileSync(lockFile(), `${process.ppid}\n`);

    let caught: unknown;
    try {
      lockDataDir(dir);
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(DataDirLockedError);
    expect((caught as Error).message).toContain(`in use by process ${process.ppid}`);
    expect((caught as Error).message).toContain(lockFile());
    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.ppid));
  });

  it('takes over a lock left by a process that is gone', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lockFile(), `${gone.stdout}\n`);

    const lock = lockDataDir(dir);

    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('takes over a lock bearing our own pid that this process does not hold (restarted container)', () => {
    writeFileSync(lockFile(), `${process.pid}\n`);

    const lock = lockDataDir(dir);

    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });
});
