const MASK = '***';

/**
 * The database URL as it may appear in messages and logs: the password replaced by `***`.
 * A URL that does not parse is not echoed at all, since we cannot tell where its secret is.
 */
export function describeDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '<unparseable database URL>';
  }
  if (parsed.password) parsed.password = MASK;
  // libpq also accepts the password as a query parameter.
  if (parsed.searchParams.has('password')) parsed.searchParams.set('password', MASK);
  // URL percent-encodes the mask in the query string; show it as written.
  return parsed.toString().replace(/%2A%2A%2A/g, MASK);
}
