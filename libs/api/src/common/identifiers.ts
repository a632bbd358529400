// Identifiers as Ironic accepts them.

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
/** RFC 3986 unreserved characters (names since 1.10), at most 255. */
const NAME = /^[A-Za-z0-9\-._~]{1,255}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The canonical (lower-case, hyphenated) form of a UUID Ironic accepts. */
export function canonicalUuid(value: string): string {
  const hex = value.replace(/-/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isValidName(value: string): boolean {
  return NAME.test(value) && !isUuid(value);
}
