import { Json } from './json';

const MAC_PATTERN = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/i;
/** Placeholders real BMCs report for absent NICs; cloning them would invent hardware. */
const PLACEHOLDERS = new Set(['000000000000', 'ffffffffffff']);

/** The 12 lower-case hex digits of a MAC string, or undefined when the string is no MAC (or a placeholder). */
export function macKey(value: string): string | undefined {
  if (value.length !== 17 || !MAC_PATTERN.test(value)) return undefined;
  const key = value.replace(/[:-]/g, '').toLowerCase();
  return PLACEHOLDERS.has(key) ? undefined : key;
}

/** Adds every MAC found in `doc` to `into`, numbering them in the order first seen. */
export function collectMacs(doc: Json, into: Map<string, number>): void {
  if (typeof doc === 'string') {
    const key = macKey(doc);
    if (key !== undefined && !into.has(key)) into.set(key, into.size);
  } else if (Array.isArray(doc)) {
    for (const item of doc) collectMacs(item, into);
  } else if (doc !== null && typeof doc === 'object') {
    for (const value of Object.values(doc)) collectMacs(value, into);
  }
}

/**
 * The MAC numbered `value` under the locally administered prefix 52:54 (the one QEMU uses),
 * spelt like `like` (separator and case), so a clone's NICs look like the template's.
 */
export function formatMac(value: number, like: string): string {
  const bytes = [0x52, 0x54, (value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
  const text = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join(like[2]);
  return like === like.toUpperCase() ? text.toUpperCase() : text;
}
