import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isObject, JsonObject } from './json';
import { canonicalPath, pathKey } from './paths';
import { VbmcInputError } from './vbmc-input.error';

export interface MockupResource {
  /** The path as the mockup spells it (folder names), e.g. `/redfish/v1/Systems/1`. */
  path: string;
  doc: JsonObject;
}

/**
 * A DMTF short-form mockup held in memory: `index.json` at the top is `/redfish/v1`, and the
 * resource `/redfish/v1/<path>` is `<path>/index.json`. Lookups ignore case, as real BMCs do.
 * The documents are templates: loaded once, shared by every clone, never changed after the
 * vbmc has prepared them.
 */
export class MockupTree {
  private readonly resources = new Map<string, MockupResource>();

  private constructor(readonly root: string) {}

  /** `nameOrPath` is a folder under `mockupsDir` (e.g. `dmtf-public-rackmount1`) or a folder path. */
  static load(nameOrPath: string, mockupsDir: string): MockupTree {
    const candidates = isAbsolute(nameOrPath) ? [nameOrPath] : [join(mockupsDir, nameOrPath), resolve(nameOrPath)];
    const root = candidates.find((dir) => existsSync(join(dir, 'index.json')));
    if (!root) {
      throw new VbmcInputError(`no Redfish mockup at ${candidates.join(' or ')} (a mockup folder has index.json at its top)`);
    }
    const tree = new MockupTree(root);
    tree.walk(root);
    return tree;
  }

  get name(): string {
    return basename(this.root);
  }

  get size(): number {
    return this.resources.size;
  }

  /** The document at a URL path such as `/redfish/v1/Systems/1`, or undefined. */
  get(urlPath: string): JsonObject | undefined {
    return this.resources.get(pathKey(urlPath))?.doc;
  }

  /** The resource under a lookup key (see `pathKey`). */
  entry(key: string): MockupResource | undefined {
    return this.resources.get(key);
  }

  /** Adds a resource the mockup lacks but the vbmc serves (e.g. a BIOS settings object). */
  add(path: string, doc: JsonObject): void {
    this.resources.set(pathKey(path), { path: canonicalPath(path), doc });
  }

  entries(): IterableIterator<[string, MockupResource]> {
    return this.resources.entries();
  }

  private walk(dir: string): void {
    // Sorted, so that anything derived from the walk order (clone MACs) is the same on every machine.
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        this.walk(full);
      } else if (name === 'index.json') {
        const rel = relative(this.root, dir).split(sep).filter(Boolean).join('/');
        const doc: unknown = JSON.parse(readFileSync(full, 'utf8'));
        if (isObject(doc)) this.add(rel ? `/redfish/v1/${rel}` : '/redfish/v1', doc);
      }
    }
  }
}
