import { parseStorageSize, SIZE_FORMAT_HELP } from '../validation/storage-size';

/** What the partition table takes from a device before a `>` size takes "all the rest". */
export const PARTITION_TABLE_RESERVATION = 4 * 2 ** 20;

export interface SizeContext {
  /** Bytes left on the device or volume group the size is carved from. */
  availableBytes: number;
}

export type SizeResult = { ok: true; bytes: number } | { ok: false; error: string };

const fail = (error: string): SizeResult => ({ ok: false, error });

/**
 * Bytes of a partition or logical volume size as the storage driver applies it (§6.2): `<n><unit>`
 * (m/M/mb/MB = 10^6, g… = 10^9, t… = 10^12, mi/Mi/MiB = 2^20, gi… = 2^30, ti… = 2^40); `<n>%` =
 * floor(n% of what is available); a `>` prefix = at least that, and all that is left (available less
 * the partition table reservation). `%` and `>` need the context; no size may exceed what is available.
 */
export function parseSize(text: string, context?: SizeContext): SizeResult {
  const size = parseStorageSize(text);
  if (size === undefined) return fail(`'${text}' is not a size. ${SIZE_FORMAT_HELP}`);
  if ((size.kind === 'percent' ? size.percent : size.bytes) < 0) return fail(`'${text}' is negative`);
  if (context === undefined && (size.kind === 'percent' || size.atLeast)) {
    return fail(`'${text}' depends on the size of the device or volume group, which is not known here`);
  }
  const bytes = size.kind === 'percent' ? Math.floor((size.percent / 100) * (context?.availableBytes ?? 0)) : size.bytes;
  if (context === undefined) return { ok: true, bytes };
  if (bytes > context.availableBytes) return fail(`'${text}' (${bytes} bytes) is more than the ${context.availableBytes} bytes available`);
  if (!size.atLeast) return { ok: true, bytes };
  const rest = context.availableBytes - PARTITION_TABLE_RESERVATION;
  // Drydock took the rest even when it was less than the minimum asked for.
  return rest < bytes ? fail(`'${text}' asks for at least ${bytes} bytes, but only ${rest} are left after the partition table`) : { ok: true, bytes: rest };
}
