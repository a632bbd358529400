/**
 * A partition or logical volume size as the storage driver reads it: `<n><unit>` with decimal units
 * (`m|mb|g|gb|t|tb`, ×10^6/10^9/10^12) or binary ones (`mi|mib|gi|gib|ti|tib`, ×2^20/2^30/2^40), any
 * case; `<n>%` of the device or volume group; a `>` prefix means "at least this, and all that is left".
 */
export type StorageSize =
  | { kind: 'bytes'; bytes: number; atLeast: boolean }
  | { kind: 'percent'; percent: number; atLeast: boolean };

const UNIT_BYTES: Record<string, number> = {
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  mi: 2 ** 20,
  mib: 2 ** 20,
  gi: 2 ** 30,
  gib: 2 ** 30,
  ti: 2 ** 40,
  tib: 2 ** 40,
};

/** The size, or undefined when the text is not a size. A negative number parses, for rules to report it. */
export function parseStorageSize(text: string): StorageSize | undefined {
  const match = /^(>?)(-?\d+)([a-z]{1,3}|%)$/i.exec(text.trim());
  if (!match) return undefined;
  const [, prefix, amount, unit] = match;
  const atLeast = prefix === '>';
  if (unit === '%') return { kind: 'percent', percent: Number(amount), atLeast };
  const factor = UNIT_BYTES[unit.toLowerCase()];
  return factor === undefined ? undefined : { kind: 'bytes', bytes: Number(amount) * factor, atLeast };
}

/** `20 GB` style, decimal, for messages next to decimal minimums. */
export function formatDecimalBytes(bytes: number): string {
  for (const [unit, factor] of [['TB', 1e12], ['GB', 1e9], ['MB', 1e6]] as const) {
    if (Math.abs(bytes) >= factor) return `${Number((bytes / factor).toFixed(2))} ${unit}`;
  }
  return `${bytes} bytes`;
}

export const SIZE_FORMAT_HELP = 'Sizes are <n><unit>: m/g/t (decimal), mi/gi/ti or MiB/GiB/TiB (binary), <n>% of the device or volume group, with an optional ">" for "at least, and the rest".';
