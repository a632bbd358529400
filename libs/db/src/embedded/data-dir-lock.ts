import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataDirLockedError } from './data-dir-locked.error';

/** Name of the lock file inside the data folder (Postgres ignores files it does not know). */
export const DATA_DIR_LOCK_FILE = 'slipway-embedded.lock';

/** Folders locked by this process: its own pid in a lock file is only stale if not listed here. */
const heldByThisProcess = new Set<string>();

export interface DataDirLock {
  release(): void;
}

/**
 * Takes the data folder for this process by creating a lock file holding our pid. A lock
 * left by a process that no longer runs is taken over (after a crash or a container restart,
 * where the pid may even be ours again).
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  const lockFile = join(dir, DATA_DIR_LOCK_FILE);
  if (!createWithPid(lockFile)) {
    const holder = readHolder(lockFile);
    if (holder !== undefined && isRunning(holder, dir)) throw new DataDirLockedError(dir, holder, lockFile);
    // Stale. (Two starters taking over the same stale lock at the same instant could both
    // win; that needs a crash followed by two simultaneous starts, which we accept.)
    rmSync(lockFile, { force: true });
    if (!createWithPid(lockFile)) throw new DataDirLockedError(dir, readHolder(lockFile) ?? -1, lockFile);
  }
  heldByThisProcess.add(dir);
  return { release: () => release(dir, lockFile) };
}

/**
 * Creates the lock file with our pid already in it, or returns false if it exists. Written
 * aside and hard-linked into place, so nobody ever reads a lock file without its pid.
 */
function createWithPid(lockFile: string): boolean {
  const draft = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${process.pid}\n`);
  try {
    linkSync(draft, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

function release(dir: string, lockFile: string): void {
  if (!heldByThisProcess.delete(dir)) return;
  if (readHolder(lockFile) === process.pid) rmSync(lockFile, { force: true });
}

function readHolder(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number, dir: string): boolean {
  if (pid === process.pid) return heldByThisProcess.has(dir);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
