import { createHash } from 'node:crypto';
import { parseBmcAddress } from './bmc-address';
import { RedfishConnection, type RedfishConnectionOptions } from './redfish-connection';
import { RequestLimiter } from './request-limiter';

export interface RedfishConnectionPoolOptions {
  /** Connections kept open in all; the least recently used goes first (Ironic's connection_cache_size). */
  maxConnections?: number;
  /** Connections (hence sessions) open to one BMC at once; BMCs allow a handful of sessions. */
  maxSessionsPerBmc?: number;
  /** Requests in flight to one BMC at once, over all its connections. */
  maxInFlightPerBmc?: number;
  /** How each connection is made (tests pass a factory with a sleep recorder). */
  create?: (options: RedfishConnectionOptions) => RedfishConnection;
}

export const DEFAULT_POOL_OPTIONS = { maxConnections: 1000, maxSessionsPerBmc: 4, maxInFlightPerBmc: 1 } as const;

interface Entry {
  readonly connection: RedfishConnection;
  readonly origin: string;
  /** Credentials change without a new key (a rotated password): then the connection is replaced. */
  readonly password: string | undefined;
}

interface Bmc {
  readonly limiter: RequestLimiter;
  connections: number;
}

/**
 * Open connections, reused per node the way Ironic caches sushy clients: keyed by BMC address
 * (origin and root path), username, TLS verification and auth type. Every connection to one BMC
 * origin shares one request limiter, so two nodes behind the same BMC (a chassis manager) still
 * send one request at a time. Closing a connection logs its session out, so the per-BMC cap is
 * also a cap on the sessions we hold there.
 */
export class RedfishConnectionPool {
  private readonly entries = new Map<string, Entry>();
  private readonly bmcs = new Map<string, Bmc>();
  private readonly maxConnections: number;
  private readonly maxSessionsPerBmc: number;
  private readonly maxInFlightPerBmc: number;
  private readonly create: (options: RedfishConnectionOptions) => RedfishConnection;

  constructor(options: RedfishConnectionPoolOptions = {}) {
    this.maxConnections = positive('maxConnections', options.maxConnections ?? DEFAULT_POOL_OPTIONS.maxConnections);
    this.maxSessionsPerBmc = positive('maxSessionsPerBmc', options.maxSessionsPerBmc ?? DEFAULT_POOL_OPTIONS.maxSessionsPerBmc);
    this.maxInFlightPerBmc = positive('maxInFlightPerBmc', options.maxInFlightPerBmc ?? DEFAULT_POOL_OPTIONS.maxInFlightPerBmc);
    this.create = options.create ?? ((connectionOptions) => new RedfishConnection(connectionOptions));
  }

  /**
   * The pooled connection for these options, opening one when needed. Opening one more to a BMC at
   * its session cap (or to a full pool) first closes the least recently used one (logging it out).
   * A caller still holding an evicted connection gets a clear error on its next request.
   */
  async acquire(options: RedfishConnectionOptions): Promise<RedfishConnection> {
    const key = poolKey(options);
    const found = this.entries.get(key);
    if (found && found.password === options.credentials?.password && !found.connection.closed) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.connection;
    }
    const evicted: RedfishConnection[] = [];
    if (found) evicted.push(this.remove(key));
    const { origin } = parseBmcAddress(options.address);
    // Bookkeeping is synchronous, so concurrent acquires never see a BMC over its cap.
    while ((this.bmcs.get(origin)?.connections ?? 0) >= this.maxSessionsPerBmc) evicted.push(this.remove(this.oldestKey((entry) => entry.origin === origin)));
    while (this.entries.size >= this.maxConnections) evicted.push(this.remove(this.oldestKey(() => true)));
    const bmc = this.bmcs.get(origin) ?? { limiter: new RequestLimiter(this.maxInFlightPerBmc), connections: 0 };
    bmc.connections++;
    this.bmcs.set(origin, bmc);
    const connection = this.create({ ...options, limiter: bmc.limiter });
    this.entries.set(key, { connection, origin, password: options.credentials?.password });
    // The new connection opens its session on first use; the old sessions end before that.
    await Promise.all(evicted.map((old) => old.close()));
    return connection;
  }

  /** Closes and forgets the connection for these options (after the BMC refused its credentials). */
  async release(options: RedfishConnectionOptions): Promise<void> {
    const key = poolKey(options);
    if (this.entries.has(key)) await this.remove(key).close();
  }

  /** Connections open now, in all. */
  get size(): number {
    return this.entries.size;
  }

  /** Connections open now to one BMC (by address). */
  connectionsTo(address: string): number {
    return this.bmcs.get(parseBmcAddress(address).origin)?.connections ?? 0;
  }

  /** Closes every connection (logging out its session). */
  async close(): Promise<void> {
    const all = [...this.entries.keys()].map((key) => this.remove(key));
    await Promise.all(all.map((connection) => connection.close()));
  }

  private oldestKey(matches: (entry: Entry) => boolean): string {
    for (const [key, entry] of this.entries) if (matches(entry)) return key;
    throw new Error('RedfishConnectionPool: no connection to evict (bookkeeping out of step)');
  }

  private remove(key: string): RedfishConnection {
    const entry = this.entries.get(key) as Entry;
    this.entries.delete(key);
    // The BMC's limiter stays even at zero connections: an evicted connection may still be
    // logging out through it, and a new limiter would let a second request in beside it.
    const bmc = this.bmcs.get(entry.origin);
    if (bmc) bmc.connections--;
    return entry.connection;
  }
}

/** Address (origin and root path), username, verification and auth type: what makes two connections differ. */
function poolKey(options: RedfishConnectionOptions): string {
  const { origin, rootPath } = parseBmcAddress(options.address);
  const verify = options.verify ?? true;
  const verifyKey = typeof verify === 'object' ? `ca:${createHash('sha256').update(verify.ca).digest('hex')}` : String(verify);
  return JSON.stringify([origin, rootPath, options.credentials?.username ?? null, verifyKey, options.authType ?? 'auto']);
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`RedfishConnectionPool ${name} must be a positive integer, got ${value}.`);
  return value;
}
