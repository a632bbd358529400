import { TestBmc } from './__fixtures__/test-bmc.fixture';
import { RedfishConnectionPool } from './connection-pool';
import type { RedfishConnectionOptions } from './redfish-connection';
import { RedfishConnectionError } from './redfish-errors';

// The pool against a small BMC that counts its live sessions: one request in flight per BMC over
// all pooled connections, a cap on sessions per BMC, LRU eviction that logs out.
describe('RedfishConnectionPool', () => {
  let bmc: TestBmc;
  const live = new Set<string>();
  let peakSessions = 0;
  let issued = 0;

  beforeAll(async () => (bmc = await TestBmc.start()));
  afterAll(() => bmc.close());
  beforeEach(() => {
    bmc.reset();
    live.clear();
    peakSessions = 0;
    bmc.resource('/redfish/v1/', { Links: { Sessions: { '@odata.id': '/redfish/v1/SessionService/Sessions' } } });
    bmc.on('POST', '/redfish/v1/SessionService/Sessions', () => {
      const token = `t${++issued}`;
      live.add(token);
      peakSessions = Math.max(peakSessions, live.size);
      return { status: 201, body: {}, headers: { 'x-auth-token': token, location: `/redfish/v1/SessionService/Sessions/${token}` }, delayMs: 5 };
    });
    bmc.fallback = (request) => {
      const token = String(request.headers['x-auth-token']);
      if (!live.has(token)) return { status: 401, body: {} };
      if (request.method === 'DELETE') {
        live.delete(token);
        return { status: 204 };
      }
      return { status: 200, body: { '@odata.id': request.path }, delayMs: 10 };
    };
  });

  const options = (username: string, extra: Partial<RedfishConnectionOptions> = {}): RedfishConnectionOptions => ({ address: bmc.address, authType: 'session', credentials: { username, password: 'secret' }, ...extra });

  it('shares one request limiter per BMC: two pooled connections never have 2 requests in flight', async () => {
    const pool = new RedfishConnectionPool();
    const [alice, bob] = [await pool.acquire(options('alice')), await pool.acquire(options('bob'))];
    expect(alice).not.toBe(bob);
    expect(alice.requestLimiter).toBe(bob.requestLimiter);
    await Promise.all([1, 2, 3].flatMap((i) => [alice.get(`Systems/${i}`), bob.get(`Systems/${i}`)]));
    expect(bmc.lines((r) => r.method === 'GET' && r.path.startsWith('/redfish/v1/Systems'))).toHaveLength(6);
    expect(bmc.peakInFlight).toBe(1);
    await pool.close();
    expect(live.size).toBe(0);
  });

  it('allows more in flight per BMC when configured', async () => {
    const pool = new RedfishConnectionPool({ maxInFlightPerBmc: 2 });
    const [alice, bob] = [await pool.acquire(options('alice')), await pool.acquire(options('bob'))];
    await Promise.all([alice.get('Systems/1'), bob.get('Systems/1')]);
    await Promise.all([1, 2, 3].flatMap((i) => [alice.get(`Systems/${i}`), bob.get(`Systems/${i}`)]));
    expect(bmc.peakInFlight).toBe(2);
    await pool.close();
  });

  it('caps the sessions per BMC: one more connection closes (logs out) the least recently used first', async () => {
    const pool = new RedfishConnectionPool({ maxSessionsPerBmc: 2 });
    const alice = await pool.acquire(options('alice'));
    const bob = await pool.acquire(options('bob'));
    await alice.get('Systems/1');
    await bob.get('Systems/1');
    expect(await pool.acquire(options('alice'))).toBe(alice); // alice is now the most recent
    const carol = await pool.acquire(options('carol'));
    await carol.get('Systems/1');
    expect([live.size, peakSessions, pool.size, pool.connectionsTo(bmc.address)]).toEqual([2, 2, 2, 2]);
    // bob was logged out before carol logged in.
    const sessionLines = bmc.lines((r) => r.path.includes('SessionService/Sessions'));
    expect(sessionLines.slice(-2).map((line) => line.split(' ')[0])).toEqual(['DELETE', 'POST']);
    await expect(bob.get('Systems/1')).rejects.toBeInstanceOf(RedfishConnectionError);
    expect((await alice.get('Systems/2')).status).toBe(200);
    await pool.close();
    expect(live.size).toBe(0);
  });

  it('holds the cap under many concurrent users of one BMC', async () => {
    const pool = new RedfishConnectionPool({ maxSessionsPerBmc: 3 });
    const users = Array.from({ length: 8 }, (_, i) => `user${i}`);
    await Promise.all(
      users.map(async (user) => {
        const connection = await pool.acquire(options(user));
        await connection.get('Systems/1').catch((error: unknown) => {
          // A connection evicted before its request ran says so; nothing else may fail.
          if (!(error instanceof RedfishConnectionError)) throw error;
        });
      }),
    );
    expect(peakSessions).toBeLessThanOrEqual(3);
    expect(pool.connectionsTo(bmc.address)).toBe(3);
    await pool.close();
    expect(live.size).toBe(0);
  });

  it('keys connections by address, username, verification and auth type; a new password replaces the connection', async () => {
    const pool = new RedfishConnectionPool();
    const first = await pool.acquire(options('alice'));
    expect(await pool.acquire(options('alice', { address: `${bmc.address}/` }))).toBe(first);
    expect(await pool.acquire(options('alice', { authType: 'auto' }))).not.toBe(first);
    expect(await pool.acquire(options('alice', { verify: false }))).not.toBe(first);
    expect(await pool.acquire(options('alice', { address: `${bmc.address}/custom/redfish/v1` }))).not.toBe(first);
    expect(pool.size).toBe(4);
    await first.get('Systems/1');
    const rotated = await pool.acquire({ ...options('alice'), credentials: { username: 'alice', password: 'changed' } });
    expect(rotated).not.toBe(first);
    expect(first.closed).toBe(true);
    expect([pool.size, live.size]).toEqual([4, 0]);
    await pool.close();
  });

  it('evicts the least recently used connection when the pool is full, over all BMCs', async () => {
    const pool = new RedfishConnectionPool({ maxConnections: 2 });
    const other = bmc.address.replace('127.0.0.1', 'localhost'); // another origin: another "BMC"
    const a = await pool.acquire(options('a'));
    const b = await pool.acquire(options('b', { address: other }));
    await pool.acquire(options('a'));
    const c = await pool.acquire(options('c'));
    expect([a.closed, b.closed, c.closed, pool.size]).toEqual([false, true, false, 2]);
    expect(a.requestLimiter).not.toBe(b.requestLimiter);
    await pool.release(options('a'));
    expect([a.closed, pool.size]).toEqual([true, 1]);
    await pool.close();
  });

  it('refuses nonsensical limits', () => {
    expect(() => new RedfishConnectionPool({ maxSessionsPerBmc: 0 })).toThrow('RedfishConnectionPool maxSessionsPerBmc must be a positive integer, got 0.');
  });
});
