/** What a password is replaced with in messages. */
export const MASK = '***';

/**
 * The URL with its password replaced by ***, for messages and logs. The password is taken to run
 * to the last '@' before the query, so that an unencoded '/' or '@' in it is still hidden:
 * masking too much is the safe mistake. Text that is not a URL comes back unchanged.
 */
export function maskUrl(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  if (scheme === null) return url;
  const rest = url.slice(scheme[0].length);
  const queryStart = rest.search(/[?#]/);
  const at = rest.lastIndexOf('@', queryStart === -1 ? rest.length : queryStart);
  if (at === -1) return url;
  const colon = rest.indexOf(':');
  if (colon === -1 || colon > at) return url;
  return `${scheme[0]}${rest.slice(0, colon)}:${MASK}@${rest.slice(at + 1)}`;
}

/** Masks every URL password inside free text (e.g. a parser error that quotes a line). */
export function maskUrlsInText(text: string): string {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, (url) => maskUrl(url));
}
