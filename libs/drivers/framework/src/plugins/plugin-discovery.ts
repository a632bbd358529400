import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readPluginManifest, type DriverPlugin } from './plugin-manifest';

/** A package whose `slipway` field could not be read. */
export interface PluginProblem {
  packageName: string;
  reason: string;
  /** The names its field seems to declare, read leniently: a conductor refuses to start if it enables one. */
  names?: string[];
}

/**
 * The installed packages that declare drivers, found in folders laid out like `node_modules`
 * (`<name>/package.json`, `@scope/<name>/package.json`). A package found twice (a symlink, two
 * roots) counts once. Packages without a `slipway` field are not drivers and are passed over.
 */
export function discoverDriverPlugins(roots: readonly string[]): { plugins: DriverPlugin[]; problems: PluginProblem[] } {
  const plugins: DriverPlugin[] = [];
  const problems: PluginProblem[] = [];
  const seen = new Set<string>();
  for (const dir of roots.flatMap(packageDirs)) {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      continue; // a dangling symlink (a package removed under a linked install): nothing to load
    }
    if (seen.has(real)) continue;
    seen.add(real);
    let manifest: { name?: unknown; version?: unknown; slipway?: unknown };
    try {
      manifest = JSON.parse(readFileSync(join(real, 'package.json'), 'utf8')) as typeof manifest;
    } catch {
      continue; // not a package, or not ours to judge
    }
    if (manifest.slipway === undefined) continue;
    const packageName = typeof manifest.name === 'string' ? manifest.name : dir;
    try {
      plugins.push({ packageName, version: String(manifest.version ?? ''), dir: real, declarations: readPluginManifest(manifest.slipway) });
    } catch (error) {
      problems.push({ packageName, reason: (error as Error).message, names: looseNames(manifest.slipway) });
    }
  }
  return { plugins, problems };
}

/**
 * Where a process looks for plugins by default: the `node_modules` of the application it runs
 * from (the nearest folder above `fromDir` with a package.json), as Ironic finds the entry points
 * of every package installed in its environment.
 */
export function defaultPluginRoots(fromDir: string): string[] {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'node_modules'))) return [join(dir, 'node_modules')];
    if (dirname(dir) === dir) return [];
  }
}

function looseNames(field: unknown): string[] {
  const keys = (value: unknown): string[] => (typeof value === 'object' && value !== null ? Object.keys(value) : []);
  const { hardwareTypes, interfaces } = (typeof field === 'object' && field !== null ? field : {}) as { hardwareTypes?: unknown; interfaces?: Record<string, unknown> };
  return [...keys(hardwareTypes), ...keys(interfaces).flatMap((type) => keys(interfaces?.[type]))];
}

function packageDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => (entry.isDirectory() || entry.isSymbolicLink()) && !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const dir = join(root, entry.name);
      if (!entry.name.startsWith('@')) return [dir];
      return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
    });
}
