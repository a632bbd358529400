import { Json, JsonObject } from './json';
import { formatMac, macKey } from './mac-addresses';
import { SystemClone } from './clone-systems';

/**
 * A template document as one clone shows it: links into the template's cloned resources point
 * at the clone's, and MACs are the clone's. Builds a new object per call and leaves the shared
 * template untouched; cost is linear in the document, never in the tree.
 */
export function rewriteForClone(doc: JsonObject, clone: SystemClone): JsonObject {
  const rewriteString = stringRewriter(clone);
  const walk = (value: Json): Json => {
    if (typeof value === 'string') return rewriteString(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const out: JsonObject = {};
    for (const key of Object.keys(value)) out[key] = walk(value[key]);
    return out;
  };
  return walk(doc) as JsonObject;
}

/** A template-space path (e.g. a new volume's) as the clone shows it. */
export function clonePathFor(clone: SystemClone, templatePath: string): string {
  return stringRewriter(clone)(templatePath);
}

function stringRewriter(clone: SystemClone): (value: string) => string {
  const roots = clone.template.roots.map((root) => ({ key: root.key, path: clone.clonePath(root) }));
  return (value: string): string => {
    if (value.length === 17) {
      const key = macKey(value);
      const index = key === undefined ? undefined : clone.template.macs.get(key);
      if (index !== undefined) return formatMac(clone.macBase + index, value);
    }
    if (value.charCodeAt(0) !== 47 /* / */) return value;
    const lower = value.toLowerCase();
    for (const root of roots) {
      if (lower.startsWith(root.key) && isBoundary(lower, root.key.length)) return root.path + value.slice(root.key.length);
    }
    return value;
  };
}

function isBoundary(text: string, at: number): boolean {
  const next = text.charCodeAt(at);
  return Number.isNaN(next) || next === 47 /* / */ || next === 35 /* # */ || next === 63 /* ? */;
}
