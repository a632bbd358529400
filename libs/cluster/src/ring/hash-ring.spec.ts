import { createHash } from 'node:crypto';
import { controlPointsOf, HashRing } from './hash-ring';

/** Deterministic uuid-shaped keys, so that shares and movements are the same on every run. */
function keys(count: number, seed = 'k'): string[] {
  return Array.from({ length: count }, (_, i) => {
    const hex = createHash('sha1').update(`${seed}${i}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  });
}

function hostnames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `conductor-${i}.dc1.example.org`);
}

function shares(ring: HashRing, keyList: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keyList) counts.set(ring.ownerOf(key), (counts.get(ring.ownerOf(key)) ?? 0) + 1);
  return new Map([...counts].map(([host, count]) => [host, count / keyList.length]));
}

describe('HashRing', () => {
  const sample = keys(20_000);

  it('gives every key the same owner whatever order the members come in', () => {
    const members = hostnames(6);
    const reference = HashRing.build(members);
    const others = [
      HashRing.build([...members].reverse()),
      HashRing.build([members[3], members[0], members[5], members[1], members[4], members[2]]),
      HashRing.build(new Set([...members, ...members])),
    ];

    const owners = sample.map((key) => reference.ownerOf(key));
    for (const other of others) expect(sample.map((key) => other.ownerOf(key))).toEqual(owners);
    expect(new Set(owners).size).toBe(members.length);
  });

  it('settles a point two members both draw the same way in every order', () => {
    // Find two hostnames whose md5-derived points collide, so the tie-break is exercised.
    const candidates = Array.from({ length: 64 }, (_, i) => `host-${i}`);
    let pair: [string, string] | undefined;
    for (let i = 0; i < candidates.length && !pair; i++) {
      const points = new Set(controlPointsOf(candidates[i]));
      const match = candidates.slice(i + 1).find((other) => controlPointsOf(other).some((point) => points.has(point)));
      if (match) pair = [candidates[i], match];
    }
    expect(pair).toBeDefined();
    const [a, b] = pair!;

    const ab = HashRing.build([a, b]);
    const ba = HashRing.build([b, a]);

    const sampleKeys = keys(50_000, 'collide');
    expect(sampleKeys.map((key) => ba.ownerOf(key))).toEqual(sampleKeys.map((key) => ab.ownerOf(key)));
  });

  it('places each member by its hostname alone (golden values: api and conductors of different releases must agree)', () => {
    const ring = HashRing.build(['conductor-a', 'conductor-b', 'conductor-c']);

    expect(Object.fromEntries(Object.keys(GOLDEN_OWNERS).map((key) => [key, ring.ownerOf(key)]))).toEqual(GOLDEN_OWNERS);
    expect(controlPointsOf('conductor-a').slice(0, 3)).toEqual(GOLDEN_POINTS);
  });

  it.each([3, 5, 10])('spreads keys evenly over %i members', (count) => {
    const ring = HashRing.build(hostnames(count));

    const measured = shares(ring, sample);

    expect([...measured.keys()].sort()).toEqual(hostnames(count).sort());
    for (const share of measured.values()) expect(Math.abs(share * count - 1)).toBeLessThan(0.1);
  });

  it('spreads sequential names as evenly as uuids', () => {
    const ring = HashRing.build(hostnames(3));

    const measured = shares(ring, Array.from({ length: 20_000 }, (_, i) => `node-${i}`));

    for (const share of measured.values()) expect(Math.abs(share * 3 - 1)).toBeLessThan(0.12);
  });

  it('moves about a quarter of the keys when a fourth member joins, all of them to the newcomer', () => {
    const before = HashRing.build(hostnames(3));
    const after = HashRing.build([...hostnames(3), 'newcomer.dc1.example.org']);

    const moved = sample.filter((key) => before.ownerOf(key) !== after.ownerOf(key));

    expect(moved.every((key) => after.ownerOf(key) === 'newcomer.dc1.example.org')).toBe(true);
    expect(moved.length / sample.length).toBeGreaterThan(0.2);
    expect(moved.length / sample.length).toBeLessThan(0.3);
  });

  it('moves only the keys of a member that leaves, spreading them over the others', () => {
    const before = HashRing.build(hostnames(4));
    const leaving = hostnames(4)[2];
    const after = HashRing.build(hostnames(4).filter((host) => host !== leaving));

    const moved = sample.filter((key) => before.ownerOf(key) !== after.ownerOf(key));

    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((key) => before.ownerOf(key) === leaving)).toBe(true);
    expect(sample.filter((key) => before.ownerOf(key) === leaving)).toEqual(moved);
    expect(new Set(moved.map((key) => after.ownerOf(key)))).toEqual(new Set(hostnames(4).filter((host) => host !== leaving)));
  });

  it('gives everything to a single member and lists members sorted, once each', () => {
    const ring = HashRing.build(['b', 'a', 'b']);
    const single = HashRing.build(['only']);

    expect(ring.hosts).toEqual(['a', 'b']);
    expect(sample.slice(0, 100).every((key) => single.ownerOf(key) === 'only')).toBe(true);
  });

  it('refuses to build a ring without members', () => {
    expect(() => HashRing.build([])).toThrow('at least one member');
  });
});

// Recorded from this implementation (the points also checked with `md5sum`). If they change, an
// api and conductors of different releases would route the same node to different conductors.
const GOLDEN_POINTS = [763336, 479153, 368593];
const GOLDEN_OWNERS: Record<string, string> = {
  '1be7a7a4-1b9e-4f2f-9d8e-3c0f1e5a9b71': 'conductor-b',
  'c3f0e1d2-5a6b-4c7d-8e9f-0a1b2c3d4e5f': 'conductor-a',
  '0b6f3a52-8d44-4f0e-b6c1-2f9e7d1a3c58': 'conductor-a',
  'f47ac10b-58cc-4372-a567-0e02b2c3d479': 'conductor-a',
  '6fa459ea-ee8a-3ca4-894e-db77e160355e': 'conductor-b',
  'node-1': 'conductor-c',
  'node-3': 'conductor-c',
  'node-4': 'conductor-b',
};
