import { DriverNotFoundError, NoValidHostError, TemporaryFailureError } from '@slipway/errors';
import type { ConductorMember, MembershipSource } from './membership.types';
import { RingSet } from './ring-set';

/** What routing needs to know about a node. */
export interface RoutedNode {
  uuid: string;
  conductorGroup: string;
  /** The node's hardware type. */
  driver: string;
}

/** A wall clock (the runtime's CLOCK fits). */
export interface TimeSource {
  now(): Date;
}

export interface RingDirectoryOptions {
  /** Seconds a reading of the membership is used before the next lookup reads it again (Ironic's hash_ring_reset_interval). */
  ttlSeconds?: number;
  clock?: TimeSource;
  /** Uniform in [0, 1); picks among conductors where any will do. */
  random?: () => number;
}

export const DEFAULT_RING_TTL_SECONDS = 15;

/**
 * A lookup that misses reads the membership again only if the reading it used is at least this
 * old: otherwise a page of nodes whose hardware type nobody serves would cost a query per node.
 */
const REREAD_ON_MISS_AFTER_MS = 1000;

/**
 * Answers "which conductor handles this?" from the live membership, the same way in the api and
 * in every conductor. Rings are cached for `ttlSeconds`; `invalidate()` drops them at once (for a
 * membership change notice). Like Ironic, a lookup that finds no conductor on a cached reading
 * reads the membership again once before failing, since the usual cause is a conductor that has
 * just joined.
 */
export class RingDirectory {
  private readonly ttlMs: number;
  private readonly clock: TimeSource;
  private readonly random: () => number;
  private cached?: { rings: RingSet; readAtMs: number };
  private loading?: { generation: number; promise: Promise<RingSet> };
  /** Bumped by invalidate(); a reading started before it is not cached. */
  private generation = 0;

  constructor(
    private readonly source: MembershipSource,
    options: RingDirectoryOptions = {},
  ) {
    const ttlSeconds = options.ttlSeconds ?? DEFAULT_RING_TTL_SECONDS;
    if (!(ttlSeconds >= 0)) throw new RangeError(`ttlSeconds must be 0 or more, got ${ttlSeconds}`);
    this.ttlMs = ttlSeconds * 1000;
    this.clock = options.clock ?? { now: () => new Date() };
    this.random = options.random ?? Math.random;
  }

  /**
   * The hostname of the conductor that owns `node`.
   * @throws NoValidHostError (404; node endpoints make it 400) when no live conductor serves the
   *   node's hardware type in its group; TemporaryFailureError (503) when no conductor is alive.
   */
  async ownerOf(node: RoutedNode): Promise<string> {
    const find = (rings: RingSet) => rings.ring(node.conductorGroup, node.driver)?.ownerOf(node.uuid);
    const reading = await this.current();
    let rings = reading.rings;
    let owner = find(rings);
    if (owner === undefined && this.nowMs() - reading.readAtMs >= REREAD_ON_MISS_AFTER_MS) {
      rings = await this.refresh();
      owner = find(rings);
    }
    if (owner !== undefined) return owner;
    if (rings.isEmpty) throw noLiveConductor();
    throw new NoValidHostError({
      reason: `No conductor service registered which supports driver ${node.driver} for conductor group "${node.conductorGroup}".`,
    });
  }

  /**
   * Any live conductor serving `driver`, whatever its group, picked at random: for driver-level
   * operations (properties, driver vendor passthru). Reads the membership afresh, as Ironic does.
   * @throws DriverNotFoundError (404) when none serves it, even when no conductor is alive at
   *   all: a driver request answers 404 then, like Ironic.
   */
  async anyConductorFor(driver: string): Promise<string> {
    const hosts = (await this.refresh()).hostsServing(driver);
    if (hosts.length === 0) throw new DriverNotFoundError({ driverName: driver });
    return hosts[Math.min(hosts.length - 1, Math.floor(this.random() * hosts.length))];
  }

  /** The live conductors (groups lower-cased), from the cached reading. */
  async liveConductors(): Promise<readonly ConductorMember[]> {
    return (await this.current()).rings.members;
  }

  /** Reads the membership now (for the conductors' watch), and keeps the new reading for lookups. */
  async reload(): Promise<readonly ConductorMember[]> {
    return (await this.refresh()).members;
  }

  /** Forgets the cached rings: the next lookup reads the membership. */
  invalidate(): void {
    this.generation++;
    this.cached = undefined;
  }

  private async current(): Promise<{ rings: RingSet; readAtMs: number }> {
    const cached = this.cached;
    if (cached !== undefined) {
      const age = this.nowMs() - cached.readAtMs;
      // A clock that stepped back counts as expired rather than as fresh for ever.
      if (age >= 0 && age < this.ttlMs) return cached;
    }
    return { rings: await this.load(), readAtMs: this.nowMs() };
  }

  private refresh(): Promise<RingSet> {
    this.invalidate();
    return this.load();
  }

  /** One reading at a time: concurrent lookups on expired rings share it. */
  private load(): Promise<RingSet> {
    if (this.loading !== undefined && this.loading.generation === this.generation) return this.loading.promise;
    const generation = this.generation;
    // The age counts from before the query: the reading is at least that old.
    const readAtMs = this.nowMs();
    const promise: Promise<RingSet> = Promise.resolve()
      .then(() => this.source())
      .then((members) => {
        const rings = new RingSet(members);
        if (generation === this.generation) this.cached = { rings, readAtMs };
        return rings;
      })
      .finally(() => {
        if (this.loading?.promise === promise) this.loading = undefined;
      });
    this.loading = { generation, promise };
    return promise;
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }
}

function noLiveConductor(): TemporaryFailureError {
  return new TemporaryFailureError('No conductor is alive to handle the request. Resource temporarily unavailable, please retry.');
}
