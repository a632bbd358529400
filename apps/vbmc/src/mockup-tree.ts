import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * A DMTF short-form mockup held in memory: `index.json` at the top is `/redfish/v1`, and the
 * resource `/redfish/v1/<path>` is `<path>/index.json`. Lookups ignore case, as real BMCs do.
 */
export class MockupTree {
  private readonly resources = new Map<string, unknown>();

  private constructor(readonly root: string) {}

  /** `nameOrPath` is a folder under `mockupsDir` (e.g. `dmtf-public-rackmount1`) or a folder path. */
  static load(nameOrPath: string, mockupsDir: string): MockupTree {
    const candidates = isAbsolute(nameOrPath) ? [nameOrPath] : [join(mockupsDir, nameOrPath), resolve(nameOrPath)];
    const root = candidates.find((dir) => existsSync(join(dir, 'index.json')));
    if (!root) {
      throw new Error(`no Redfish mockup at ${candidates.join(' or ')} (a mockup folder has index.json at its top)`);
    }
    const tree = new MockupTree(root);
    tree.walk(root);
    return tree;
  }

  get size(): number {
    return this.resources.size;
  }

  /** The resource at a URL path such as `/redfish/v1/Systems/1`, or undefined. */
  get(urlPath: string): unknown {
    return this.resources.get(normalise(urlPath));
  }

  private walk(dir: string): void {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        this.walk(full);
      } else if (name === 'index.json') {
        const rel = relative(this.root, dir).split(sep).filter(Boolean).join('/');
        const path = rel ? `/redfish/v1/${rel}` : '/redfish/v1';
        this.resources.set(normalise(path), JSON.parse(readFileSync(full, 'utf8')));
      }
    }
  }
}

function normalise(urlPath: string): string {
  const path = urlPath.split('?')[0].replace(/\/+$/, '').toLowerCase();
  return path === '/redfish' ? '/redfish' : path;
}
