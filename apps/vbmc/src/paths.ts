/**
 * Redfish paths are matched ignoring case, trailing slashes, doubled slashes and the query
 * string, because real BMCs (and the links inside their own trees, e.g. HPE's
 * `/redfish/v1/systems/1/bios/`) do.
 */
export function canonicalPath(url: string): string {
  let path = url.split(/[?#]/)[0].replace(/\/{2,}/g, '/');
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape is looked up as sent; it simply will not match.
  }
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** The lookup key of a path: canonical and lower-case. */
export function pathKey(url: string): string {
  return canonicalPath(url).toLowerCase();
}

/** True when `key` is `root` itself or below it (both already lower-case keys). */
export function isUnder(key: string, root: string): boolean {
  return key === root || (key.startsWith(root) && key.charCodeAt(root.length) === 47 /* / */);
}

/** The parent of a path key (`/a/b` → `/a`). */
export function parentKey(key: string): string {
  return key.slice(0, Math.max(key.lastIndexOf('/'), 0));
}

/** The last segment of a path (`/a/b` → `b`). */
export function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
