// Drydock's inheritance rules (objects/__init__.py Utils, objects/hostprofile.py merge_lists), one
// function a rule. A child is a HostProfile or BaremetalNode as written, the parent its compiled
// host profile. Unlike Drydock, the `!` markers are also taken out where there is no parent.

/** A scalar: the child's value wins; `!` (or -1) unsets; absent or null inherits. */
export function inheritScalar<T>(child: T | null | undefined, parent: T | undefined): T | undefined {
  if (child === undefined || child === null) return parent;
  if (child === '!' || child === -1) return undefined;
  return child;
}

/** A list of values: the child's (without `!item`s), then the parent's not negated by `!item`; no repeats. */
export function inheritList(child: readonly string[] | undefined, parent: readonly string[] | undefined): string[] {
  const own = child ?? [];
  const negated = new Set(own.filter((item) => item.startsWith('!')).map((item) => item.slice(1)));
  const result: string[] = [];
  for (const item of own) if (!item.startsWith('!') && !result.includes(item)) result.push(item);
  for (const item of parent ?? []) if (!negated.has(item) && !result.includes(item)) result.push(item);
  return result;
}

/** A dict: the parent's keys not negated by a `!key` in the child, then the child's keys (not `!key`), which win. */
export function inheritDict<V>(child: Readonly<Record<string, V>> | undefined, parent: Readonly<Record<string, V>> | undefined): Record<string, V> {
  const own = child ?? {};
  const result: Record<string, V> = {};
  for (const [key, value] of Object.entries(parent ?? {})) if (!Object.hasOwn(own, `!${key}`)) result[key] = value;
  for (const [key, value] of Object.entries(own)) if (!key.startsWith('!')) result[key] = value;
  return result;
}

/**
 * Named entries (interfaces, storage devices, volume groups, partitions, logical volumes): a child
 * entry named `!name` (or, in a mapping, a null entry) removes the parent's entry of that name; an
 * entry of both is merged by `merge` (field by field); the parent's other entries are inherited and
 * the child's new ones added after them. `merge` builds every result entry, so none is shared.
 */
export function inheritNamed<C, P, R>(
  child: Iterable<readonly [string, C | null]> | undefined,
  parent: Iterable<readonly [string, P]> | undefined,
  merge: (name: string, child: C | undefined, parent: P | undefined) => R,
): Array<[string, R]> {
  const own = new Map<string, C | null>(child ?? []);
  const removed = new Set<string>();
  for (const [name, entry] of own) {
    if (name.startsWith('!')) removed.add(name.slice(1));
    else if (entry === null) removed.add(name);
  }
  const result: Array<[string, R]> = [];
  const inherited = new Set<string>();
  for (const [name, entry] of parent ?? []) {
    inherited.add(name);
    if (!removed.has(name)) result.push([name, merge(name, own.get(name) ?? undefined, entry)]);
  }
  for (const [name, entry] of own) {
    if (!inherited.has(name) && !name.startsWith('!') && entry !== null) result.push([name, merge(name, entry, undefined)]);
  }
  return result;
}

/** The object without its undefined fields, so compiled parts hold only what is set. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
