import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedData, sharedDataDir } from './shared-data';

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
    expect(sharedDataDir()).toBe(join(__dirname, '../../../../shared'));
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
});
