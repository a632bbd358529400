import { createHash } from 'node:crypto';
import { isObject, Json } from './json';
import { RedfishErrors } from './redfish-error';

/**
 * ETags are a hash of what a GET returns, so they are strong and change exactly when the
 * resource does, with no bookkeeping per resource. A body's own `@odata.etag` (iLO, AMI) is
 * left out of the hash and replaced by the same value.
 */
export function serialise(doc: Json): { json: string; etag: string } {
  if (!isObject(doc) || !('@odata.etag' in doc)) {
    const json = JSON.stringify(doc);
    return { json, etag: hash(json) };
  }
  const { '@odata.etag': _ignored, ...rest } = doc;
  const etag = hash(JSON.stringify(rest));
  return { json: JSON.stringify({ ...rest, '@odata.etag': etag }), etag };
}

export function etagOf(doc: Json): string {
  return serialise(doc).etag;
}

/**
 * Honours `If-Match` on a write. RFC 9110 compares If-Match strongly, so a weak `W/"x"` never
 * matches, even when "x" is current: real BMCs answer such a PATCH with 412, and sushy then
 * retries with the strong form (and after that without If-Match), which this lets tests exercise.
 * No If-Match at all is accepted, as on every BMC we model.
 */
export function checkIfMatch(header: string | string[] | undefined, current: string, uri: string): void {
  if (header === undefined) return;
  const tags = (Array.isArray(header) ? header.join(',') : header).split(',').map((tag) => tag.trim());
  if (tags.includes('*') || tags.includes(current)) return;
  throw RedfishErrors.preconditionFailed(uri);
}

function hash(text: string): string {
  return `"${createHash('sha1').update(text).digest('base64url').slice(0, 20)}"`;
}
