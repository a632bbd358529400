import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// Where the shared test data lives: real BMC captures (redfish-mockups, redfish-samples) and
// Drydock's designs (drydock-samples), kept outside the repository. The only place that decides it.

/** The repository root: the nearest folder above this module with nx.json (it runs from libs/… and dist/libs/…). */
function repositoryRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'nx.json'))) return dir;
  return resolve(__dirname, '../../..');
}

/** The folder holding the shared test data: `SLIPWAY_SHARED_DIR`, or `shared` beside the repository root. Not checked. */
export function sharedDataDir(): string {
  const fromEnv = process.env.SLIPWAY_SHARED_DIR;
  return fromEnv ? resolve(fromEnv) : join(repositoryRoot(), '..', 'shared');
}

/**
 * A path in the shared test data, e.g. `sharedData('redfish-mockups')`. Throws when it does not
 * exist, naming the path tried and the variable to set.
 */
export function sharedData(...segments: string[]): string {
  const path = join(sharedDataDir(), ...segments);
  if (existsSync(path)) return path;
  const tried = process.env.SLIPWAY_SHARED_DIR ? `SLIPWAY_SHARED_DIR is ${process.env.SLIPWAY_SHARED_DIR}` : 'SLIPWAY_SHARED_DIR is not set, so the `shared` folder beside the repository was tried';
  throw new Error(`Shared test data not found: ${path} does not exist (${tried}). Set SLIPWAY_SHARED_DIR to the folder holding redfish-mockups, redfish-samples and drydock-samples.`);
}
