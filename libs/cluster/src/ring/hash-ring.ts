import { createHash } from 'node:crypto';
// Typed by ./consistent-hash.d.ts (the package ships no types).
import ConsistentHash from 'consistent-hash';

/**
 * Control points per member. A member's share of the keys strays from the fair share by about
 * 1/sqrt(points). Measured on 20 sets each of 3 to 20 members: with 128 points the worst member
 * was 29% off, with 512 13%, with 1024 8% (3-6% typical); more points gain little at this range.
 * (Ironic uses 32 partitions per host.) Points are computed once per hostname.
 */
export const POINTS_PER_HOST = 1024;

/**
 * Size of the circle (a prime, as the package advises). Every process must use the same value, so
 * it is a constant, not a setting. With members x points far below it, few points collide, and
 * `build` settles those few deterministically.
 */
export const RING_RANGE = 1_000_003;

/**
 * A consistent-hash ring over conductor hostnames: `ownerOf(key)` names the member that owns a
 * key. The api and every conductor build rings independently from the same membership and must
 * agree on every key, so nothing here may depend on chance or on the order members are given:
 *
 * - `consistent-hash` places points at random by default (or by insertion order with
 *   `distribution: 'uniform'`); here each member's points come from md5(`<hostname>:<i>`).
 * - Two members may draw the same point; the package would give it to whichever was added last.
 *   We give it to the smaller hostname before the package sees it.
 * - Keys are hashed with md5 before the package's own (weak, suffix-driven) string hash, so keys
 *   of any shape (uuids, names, sequential ids) spread evenly.
 */
export class HashRing {
  private constructor(
    private readonly ring: ConsistentHash,
    /** Members, sorted and without duplicates. */
    readonly hosts: readonly string[],
  ) {}

  static build(hostnames: Iterable<string>): HashRing {
    const hosts = [...new Set(hostnames)].sort();
    if (hosts.length === 0) throw new Error('A hash ring needs at least one member');

    const ownerOfPoint = new Map<number, string>();
    for (const host of hosts) {
      // Hosts come sorted: a point already taken belongs to a smaller hostname and stays there.
      for (const point of controlPointsOf(host)) if (!ownerOfPoint.has(point)) ownerOfPoint.set(point, host);
    }
    const pointsOf = new Map<string, number[]>(hosts.map((host) => [host, []]));
    for (const [point, host] of ownerOfPoint) pointsOf.get(host)!.push(point);

    const ring = new ConsistentHash({ range: RING_RANGE });
    for (const host of hosts) ring.add(host, undefined, pointsOf.get(host)!);
    return new HashRing(ring, Object.freeze(hosts));
  }

  /** The member that owns `key` (a node uuid, for nodes). */
  ownerOf(key: string): string {
    // Non-null: build() refuses an empty ring.
    return this.ring.get(keyDigest(key))!;
  }
}

const POINT_CACHE_LIMIT = 4096;
const pointCache = new Map<string, readonly number[]>();

/** Where a member sits on the circle: POINTS_PER_HOST points from md5(`<hostname>:<i>`). */
export function controlPointsOf(hostname: string): readonly number[] {
  let points = pointCache.get(hostname);
  if (points === undefined) {
    const unique = new Set<number>();
    for (let i = 0; i < POINTS_PER_HOST; i++) unique.add(createHash('md5').update(`${hostname}:${i}`).digest().readUInt32BE(0) % RING_RANGE);
    points = Object.freeze([...unique]);
    // Rings are rebuilt every few seconds from the same few hostnames; a bound keeps a churning
    // membership (generated hostnames in tests, say) from growing the cache without end.
    if (pointCache.size >= POINT_CACHE_LIMIT) pointCache.clear();
    pointCache.set(hostname, points);
  }
  return points;
}

function keyDigest(key: string): string {
  return createHash('md5').update(key).digest('hex');
}
