/**
 * Ironic's timestamp format: Python's `isoformat()` of an aware UTC datetime,
 * `2026-11-21T10:33:53.983946+00:00`, with the fraction left out when it is zero.
 */
export function ironicTimestamp(date: Date | null | undefined): string | null {
  if (!date) return null;
  const iso = date.toISOString(); // 2026-11-21T10:33:53.983Z
  const millis = iso.slice(20, 23);
  const base = iso.slice(0, 19);
  return millis === '000' ? `${base}+00:00` : `${base}.${millis}000+00:00`;
}
