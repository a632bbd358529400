import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSharedDir, sharedData, sharedDataDir } from './shared-data';

describe('shared test data', () => {
  const saved = process.env.SLIPWAY_SHARED_DIR;
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-shared-'));
    mkdirSync(join(dir, 'redfish-mockups'));
  });

  afterEach(() => {
    if (saved === undefined) delete process.env.SLIPWAY_SHARED_DIR;
    else process.env.SLIPWAY_SHARED_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the shared folder beside the repository root unless SLIPWAY_SHARED_DIR is set', () => {
    delete process.env.SLIPWAY_SHARED_DIR;
    // The repository root is libs/test-data/src/../../..; its default folder is found by defaultSharedDir (below).
    expect(sharedDataDir()).toBe(defaultSharedDir(join(__dirname, '../../..')));
    process.env.SLIPWAY_SHARED_DIR = dir;
    expect(sharedDataDir()).toBe(dir);
    expect(sharedData('redfish-mockups')).toBe(join(dir, 'redfish-mockups'));
  });

  it('names the path tried and the variable to set when the data is missing', () => {
    process.env.SLIPWAY_SHARED_DIR = dir;
    expect(() => sharedData('drydock-samples')).toThrow(`Shared test data not found: ${join(dir, 'drydock-samples')} does not exist (SLIPWAY_SHARED_DIR is ${dir})`);
    delete process.env.SLIPWAY_SHARED_DIR;
    expect(() => sharedData('no-such-folder')).toThrow(/no-such-folder does not exist \(SLIPWAY_SHARED_DIR is not set, .*\)\. Set SLIPWAY_SHARED_DIR to the folder holding redfish-mockups/);
  });

  it('falls back to the shared folder beside the local repository a clone came from', () => {
    // dir/work/main (the original, with dir/work/shared) and dir/tmp/clone (its clone, with nothing beside it).
    mkdirSync(join(dir, 'work/main'), { recursive: true });
    mkdirSync(join(dir, 'work/shared'));
    mkdirSync(join(dir, 'tmp/clone/.git'), { recursive: true });
    const clone = join(dir, 'tmp/clone');
    const origin = (url: string) => writeFileSync(join(clone, '.git/config'), `[core]\n\tbare = false\n[remote "origin"]\n\turl = ${url}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`);
    origin(join(dir, 'work/main'));
    expect(defaultSharedDir(clone)).toBe(join(dir, 'work/shared'));
    // A shared folder beside the clone itself comes first.
    mkdirSync(join(dir, 'tmp/shared'));
    expect(defaultSharedDir(clone)).toBe(join(dir, 'tmp/shared'));
    rmSync(join(dir, 'tmp/shared'), { recursive: true });
    origin(`file://${join(dir, 'work/main')}`);
    expect(defaultSharedDir(clone)).toBe(join(dir, 'work/shared'));
    // A remote on another machine, or none, leaves the folder beside the clone (which the error then names).
    origin('https://example.com/slipway.git');
    expect(defaultSharedDir(clone)).toBe(join(dir, 'tmp/shared'));
    rmSync(join(clone, '.git/config'));
    expect(defaultSharedDir(clone)).toBe(join(dir, 'tmp/shared'));
  });
});
