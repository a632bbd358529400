import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the shared test data lives: real BMC captures (redfish-mockups, redfish-samples) and
// Drydock's designs (drydock-samples), kept outside the repository. The only place that decides it.

/** The repository root: the nearest folder above this module with nx.json (it runs from libs/… and dist/libs/…). */
function repositoryRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'nx.json'))) return dir;
  return resolve(__dirname, '../../..');
}

/**
 * The folder holding the shared test data: `SLIPWAY_SHARED_DIR`, else `shared` beside the
 * repository root, else `shared` beside the repository it was cloned from when that is a local
 * folder (a throw-away clone, e.g. `git clone -q . "$(mktemp -d)"`). Not checked.
 */
export function sharedDataDir(): string {
  const fromEnv = process.env.SLIPWAY_SHARED_DIR;
  return fromEnv ? resolve(fromEnv) : defaultSharedDir(repositoryRoot());
}

/** `shared` beside `root`, or beside the local repository `root` was cloned from; the first when neither exists. */
export function defaultSharedDir(root: string): string {
  const beside = join(root, '..', 'shared');
  if (existsSync(beside)) return beside;
  const origin = localOrigin(root);
  const besideOrigin = origin === undefined ? undefined : join(origin, '..', 'shared');
  return besideOrigin !== undefined && existsSync(besideOrigin) ? besideOrigin : beside;
}

/** The `origin` remote of the git repository at `root` when it is a folder on this machine (a path or file:// URL). */
function localOrigin(root: string): string | undefined {
  let config: string;
  try {
    config = readFileSync(join(root, '.git', 'config'), 'utf8');
  } catch {
    return undefined;
  }
  const section = /\[remote "origin"\]([^[]*)/.exec(config)?.[1] ?? '';
  const url = /^\s*url\s*=\s*(.+?)\s*$/m.exec(section)?.[1];
  if (url === undefined) return undefined;
  if (url.startsWith('file://')) return fileURLToPath(url);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[^/]+@[^:]+:/.test(url)) return undefined;
  return resolve(root, url.replace(/\/\.git\/?$/, ''));
}

/**
 * A path in the shared test data, e.g. `sharedData('redfish-mockups')`. Throws when it does not
 * exist, naming the path tried and the variable to set.
 */
export function sharedData(...segments: string[]): string {
  const path = join(sharedDataDir(), ...segments);
  if (existsSync(path)) return path;
  const tried = process.env.SLIPWAY_SHARED_DIR ? `SLIPWAY_SHARED_DIR is ${process.env.SLIPWAY_SHARED_DIR}` : 'SLIPWAY_SHARED_DIR is not set, so the `shared` folder beside the repository (or beside the one it was cloned from) was tried';
  throw new Error(`Shared test data not found: ${path} does not exist (${tried}). Set SLIPWAY_SHARED_DIR to the folder holding redfish-mockups, redfish-samples and drydock-samples.`);
}
