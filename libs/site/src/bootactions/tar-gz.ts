import { gzipSync } from 'node:zlib';
import { InvalidParameterValueError } from '@slipway/errors';

// A POSIX ustar archive of regular files, gzipped: what a node fetches from the boot action API.
// Like Drydock's tarball it has one entry per asset, named by the asset's absolute path (the node
// extracts with `tar -xP`, so the leading `/` is kept), owned by uid/gid 0 with no user or group
// names, and no directory entries. Drydock writes GNU format, where a long name gets an extra
// `././@LongLink` entry; ustar instead splits a name longer than 100 bytes at a `/` into the
// 155-byte prefix field and the name field, and one that does not split that way is refused.

/** One archive entry: a regular file. */
export interface RenderedAsset {
  path: string;
  mode: number;
  content: Buffer;
}

const BLOCK = 512;
const NAME_BYTES = 100;
const PREFIX_BYTES = 155;
const MAX_SIZE = 8 ** 11 - 1;

function tarError(path: string, problem: string): InvalidParameterValueError {
  return new InvalidParameterValueError(`Cannot put ${path} in a tar archive: ${problem}`, { path, problem });
}

/** `value` as `width - 1` octal digits and a NUL, as tar's numeric fields are written. */
function writeOctal(header: Buffer, offset: number, width: number, value: number): void {
  header.write(`${value.toString(8).padStart(width - 1, '0')}\0`, offset, width, 'ascii');
}

/** Splits a path into ustar's name and prefix fields, or says why it cannot. */
function splitPath(path: string): { name: Buffer; prefix: Buffer } {
  const bytes = Buffer.from(path, 'utf8');
  if (bytes.length === 0) throw tarError(path, 'the path is empty');
  if (bytes.includes(0)) throw tarError(path, 'the path contains a NUL byte');
  if (bytes.length <= NAME_BYTES) return { name: bytes, prefix: Buffer.alloc(0) };
  // The longest name that fits: the first `/` after which at most 100 bytes remain.
  for (let slash = bytes.indexOf(0x2f, 1); slash > 0 && slash <= PREFIX_BYTES; slash = bytes.indexOf(0x2f, slash + 1)) {
    const name = bytes.subarray(slash + 1);
    if (name.length > 0 && name.length <= NAME_BYTES) return { name, prefix: bytes.subarray(0, slash) };
  }
  throw tarError(path, `the path is ${bytes.length} bytes; ustar takes at most ${NAME_BYTES} bytes after a / and ${PREFIX_BYTES} before it`);
}

function header(asset: RenderedAsset, mtime: number): Buffer {
  const { name, prefix } = splitPath(asset.path);
  if (!Number.isInteger(asset.mode) || asset.mode < 0 || asset.mode > 0o7777) throw tarError(asset.path, `mode ${asset.mode} is not a file mode (0 to 0o7777)`);
  if (asset.content.length > MAX_SIZE) throw tarError(asset.path, `${asset.content.length} bytes is more than ustar's size field holds`);
  const block = Buffer.alloc(BLOCK);
  name.copy(block, 0);
  writeOctal(block, 100, 8, asset.mode);
  writeOctal(block, 108, 8, 0); // uid
  writeOctal(block, 116, 8, 0); // gid
  writeOctal(block, 124, 12, asset.content.length);
  writeOctal(block, 136, 12, mtime);
  block.write('0', 156, 'ascii'); // regular file
  block.write('ustar\u000000', 257, 'ascii'); // magic "ustar\0", version "00"
  prefix.copy(block, 345);
  // The checksum is the byte sum of the header with the checksum field read as spaces.
  block.fill(0x20, 148, 156);
  const checksum = block.reduce((sum, byte) => sum + byte, 0);
  block.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return block;
}

function padding(length: number): Buffer {
  return Buffer.alloc((BLOCK - (length % BLOCK)) % BLOCK);
}

/**
 * The assets as a gzipped ustar archive, in order (a later asset with the same path wins on
 * extraction, as in Drydock). `mtime` defaults to the epoch, which is what Drydock writes.
 */
export function tarGz(assets: readonly RenderedAsset[], options: { mtime?: Date } = {}): Buffer {
  const mtime = Math.max(0, Math.floor((options.mtime?.getTime() ?? 0) / 1000));
  const parts = assets.flatMap((asset) => [header(asset, mtime), asset.content, padding(asset.content.length)]);
  return gzipSync(Buffer.concat([...parts, Buffer.alloc(2 * BLOCK)]));
}
