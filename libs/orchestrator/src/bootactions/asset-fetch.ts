/** Most bytes one asset `location` may bring: a boot action asset is a file or a unit, not an image. */
const MAX_ASSET_BYTES = 16 * 1024 * 1024;
const TIMEOUT_MS = 10_000;

/**
 * Reads a boot action asset's `location` (http or https, as Drydock's design sources) for the
 * tarball a node fetches. A refused scheme, a non-2xx answer, a timeout or a body over the limit
 * throws, naming the URL; the renderer then names the action and asset.
 */
export async function fetchAssetLocation(url: string): Promise<Buffer> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${url} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`${url}: only http and https locations are fetched`);
  const response = await fetch(parsed, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_ASSET_BYTES) throw new Error(`${url} is ${length} bytes, over the ${MAX_ASSET_BYTES} an asset may have`);
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > MAX_ASSET_BYTES) throw new Error(`${url} is over the ${MAX_ASSET_BYTES} bytes an asset may have`);
  return body;
}
