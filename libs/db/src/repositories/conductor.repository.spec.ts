import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ConductorNotFoundError } from '@slipway/errors';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { ConductorInterfaceRow, ConductorRegistration, ConductorRepository } from './conductor.repository';

// Medium test: the real PostgreSQL, a database of its own (emptied between tests).
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TIMEOUT = 10;

function interfacesFor(hardwareType: string, power = 'redfish'): ConductorInterfaceRow[] {
  return [
    { hardwareType, interfaceType: 'power', interfaceName: power, isDefault: true },
    { hardwareType, interfaceType: 'power', interfaceName: 'fake', isDefault: false },
    { hardwareType, interfaceType: 'boot', interfaceName: 'pxe', isDefault: true },
  ];
}

function registration(hostname: string, fields: Partial<ConductorRegistration> = {}): ConductorRegistration {
  return { hostname, conductorGroup: '', hardwareTypes: ['redfish'], interfaces: interfacesFor('redfish'), ...fields };
}

describe('ConductorRepository', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let conductors: ConductorRepository;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl, 10);
    dataSource = database.dataSource;
    conductors = new ConductorRepository(dataSource);
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    await dataSource.query('TRUNCATE conductors, nodes CASCADE');
  });

  /** Moves a conductor's last heartbeat into the past, by the database clock. */
  const heartbeatAgo = (hostname: string, seconds: number) =>
    dataSource.query(`UPDATE conductors SET updated_at = now() - make_interval(secs => $2) WHERE hostname = $1`, [hostname, seconds]);

  const interfaceRows = (hostname: string) =>
    dataSource.query(
      `SELECT h.hardware_type, h.interface_type, h.interface_name, h."default" FROM conductor_hardware_interfaces h
         JOIN conductors c ON c.id = h.conductor_id WHERE c.hostname = $1 ORDER BY 1, 2, 3`,
      [hostname],
    );

  it('registers a conductor online, its group lower-case, with one row per interface', async () => {
    const result = await conductors.register(
      registration('c1.example.org', {
        conductorGroup: 'Rack-1',
        hardwareTypes: ['redfish', 'ipmi'],
        interfaces: [...interfacesFor('redfish'), ...interfacesFor('ipmi', 'ipmitool')],
        version: '0.1.0',
      }),
    );

    expect(result).toEqual({ id: expect.any(Number), wasOnline: false });
    expect(await conductors.listLive(TIMEOUT)).toEqual([{ hostname: 'c1.example.org', conductorGroup: 'rack-1', hardwareTypes: ['ipmi', 'redfish'] }]);
    expect(await interfaceRows('c1.example.org')).toHaveLength(6);
    expect(await conductors.get('c1.example.org', TIMEOUT)).toEqual({
      hostname: 'c1.example.org',
      conductorGroup: 'rack-1',
      alive: true,
      drivers: ['redfish', 'ipmi'],
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
  });

  it('replaces the interface rows and keeps the row when a conductor registers again', async () => {
    const first = await conductors.register(registration('c1', { hardwareTypes: ['redfish', 'ipmi'], interfaces: [...interfacesFor('redfish'), ...interfacesFor('ipmi')] }));

    const second = await conductors.register(registration('c1', { hardwareTypes: ['fake-hardware'], interfaces: interfacesFor('fake-hardware', 'manual') }));

    expect(second).toEqual({ id: first.id, wasOnline: true });
    expect(await interfaceRows('c1')).toEqual([
      { hardware_type: 'fake-hardware', interface_type: 'boot', interface_name: 'pxe', default: true },
      { hardware_type: 'fake-hardware', interface_type: 'power', interface_name: 'fake', default: false },
      { hardware_type: 'fake-hardware', interface_type: 'power', interface_name: 'manual', default: true },
    ]);
    expect(await conductors.listLive(TIMEOUT)).toEqual([{ hostname: 'c1', conductorGroup: '', hardwareTypes: ['fake-hardware'] }]);
    expect((await conductors.get('c1', TIMEOUT))?.drivers).toEqual(['fake-hardware']);
  });

  it('reports a row left online by a previous run, and not one that unregistered', async () => {
    await conductors.register(registration('c1'));
    await conductors.unregister('c1');

    expect((await conductors.register(registration('c1'))).wasOnline).toBe(false);
    expect((await conductors.register(registration('c1'))).wasOnline).toBe(true);
  });

  it('judges liveness by the database clock: online and a heartbeat within the timeout', async () => {
    await conductors.register(registration('fresh'));
    await conductors.register(registration('stale'));
    await conductors.register(registration('gone'));
    await heartbeatAgo('stale', 11);
    await conductors.unregister('gone');

    expect((await conductors.listLive(TIMEOUT)).map((c) => c.hostname)).toEqual(['fresh']);
    expect((await conductors.listLive(12)).map((c) => c.hostname)).toEqual(['fresh', 'stale']);
    expect((await conductors.get('stale', TIMEOUT))?.alive).toBe(false);
    expect((await conductors.get('gone', TIMEOUT))?.alive).toBe(false);

    expect(await conductors.heartbeat('stale')).toBe(true);
    expect(await conductors.heartbeat('gone')).toBe(true);

    expect((await conductors.listLive(TIMEOUT)).map((c) => c.hostname)).toEqual(['fresh', 'gone', 'stale']);
  });

  it('takes fractions of a second for the timeout', async () => {
    await conductors.register(registration('c1'));
    await heartbeatAgo('c1', 0.8);

    expect(await conductors.listLive(0.5)).toEqual([]);
    expect(await conductors.listLive(1.5)).toHaveLength(1);
  });

  it('moves the heartbeat to the database time of now', async () => {
    await conductors.register(registration('c1'));
    await heartbeatAgo('c1', 3600);

    await conductors.heartbeat('c1');

    const [{ age }] = await dataSource.query(`SELECT extract(epoch FROM now() - updated_at) AS age FROM conductors WHERE hostname = 'c1'`);
    expect(Math.abs(Number(age))).toBeLessThan(60);
  });

  it('says when a heartbeat finds no row to update', async () => {
    expect(await conductors.heartbeat('never-registered')).toBe(false);
  });

  it('lists a live conductor without interface rows with no hardware types', async () => {
    await conductors.register(registration('bare', { hardwareTypes: [], interfaces: [] }));

    expect(await conductors.listLive(TIMEOUT)).toEqual([{ hostname: 'bare', conductorGroup: '', hardwareTypes: [] }]);
  });

  it('registers many conductors at once, each with its own rows', async () => {
    const hosts = Array.from({ length: 8 }, (_, i) => `c${i}`);

    await Promise.all(hosts.map((host, i) => conductors.register(registration(host, { hardwareTypes: [`hw${i}`], interfaces: interfacesFor(`hw${i}`) }))));

    expect(await conductors.listLive(TIMEOUT)).toEqual(hosts.map((hostname, i) => ({ hostname, conductorGroup: '', hardwareTypes: [`hw${i}`] })));
    for (const host of hosts) expect(await interfaceRows(host)).toHaveLength(3);
  });

  it('ends with one complete set of rows when the same host registers twice at once', async () => {
    await Promise.all([
      conductors.register(registration('c1', { hardwareTypes: ['a'], interfaces: interfacesFor('a') })),
      conductors.register(registration('c1', { hardwareTypes: ['b'], interfaces: interfacesFor('b') })),
    ]);

    const rows: Array<{ hardware_type: string }> = await interfaceRows('c1');
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => row.hardware_type)).size).toBe(1);
    expect((await conductors.get('c1', TIMEOUT))?.drivers).toEqual([rows[0].hardware_type]);
  });

  it('clears the reservations a host holds, matching the hostname in any case', async () => {
    const reserve = (reservation: string | null) =>
      dataSource.query(`INSERT INTO nodes (uuid, driver, reservation) VALUES ($1, 'redfish', $2) RETURNING id`, [randomUUID(), reservation]);
    await reserve('Conductor-A');
    await reserve('conductor-a');
    await reserve('conductor-b');
    await reserve(null);

    const released = await conductors.clearReservationsOf('CONDUCTOR-A');
    expect(released).toHaveLength(2);
    expect(released[0]).toEqual({ uuid: expect.stringMatching(/^[0-9a-f-]{36}$/), provisionState: 'enroll', maintenance: false });

    const left: Array<{ reservation: string | null }> = await dataSource.query(`SELECT reservation FROM nodes ORDER BY reservation`);
    expect(left.map((row) => row.reservation)).toEqual(['conductor-b', null, null, null]);
  });

  describe('list', () => {
    beforeEach(async () => {
      // Registered in this order, so ids ascend c, a, d, b.
      for (const host of ['c', 'a', 'd', 'b']) await conductors.register(registration(host, { conductorGroup: host === 'd' ? 'G' : '' }));
      await heartbeatAgo('d', 60);
    });

    const walk = async (sortKey: 'id' | 'hostname', sortDir: 'asc' | 'desc') => {
      const seen: string[] = [];
      let marker: string | undefined;
      for (;;) {
        const page = await conductors.list({ limit: 3, marker, sortKey, sortDir, heartbeatTimeoutSeconds: TIMEOUT });
        seen.push(...page.map((c) => c.hostname));
        if (page.length < 3) return seen;
        marker = page[page.length - 1].hostname;
      }
    };

    it('pages by id (the default) or by hostname, in both directions', async () => {
      expect(await walk('id', 'asc')).toEqual(['c', 'a', 'd', 'b']);
      expect(await walk('id', 'desc')).toEqual(['b', 'd', 'a', 'c']);
      expect(await walk('hostname', 'asc')).toEqual(['a', 'b', 'c', 'd']);
      expect(await walk('hostname', 'desc')).toEqual(['d', 'c', 'b', 'a']);
      expect((await conductors.list({ limit: 10, heartbeatTimeoutSeconds: TIMEOUT })).map((c) => c.hostname)).toEqual(['c', 'a', 'd', 'b']);
    });

    it('pages by a timestamp without skipping or repeating rows', async () => {
      const seen: string[] = [];
      let marker: string | undefined;
      for (;;) {
        const page = await conductors.list({ limit: 1, marker, sortKey: 'updatedAt', heartbeatTimeoutSeconds: TIMEOUT });
        if (page.length === 0) break;
        seen.push(page[0].hostname);
        marker = page[0].hostname;
      }
      expect(seen[0]).toBe('d');
      expect([...seen].sort()).toEqual(['a', 'b', 'c', 'd']);
    });

    it('gives hostname, group and liveness, and the rest with detail', async () => {
      const summary = await conductors.list({ limit: 10, sortKey: 'hostname', heartbeatTimeoutSeconds: TIMEOUT });
      const detail = await conductors.list({ limit: 1, marker: 'c', sortKey: 'hostname', heartbeatTimeoutSeconds: TIMEOUT, detail: true });

      expect(summary).toEqual([
        { hostname: 'a', conductorGroup: '', alive: true },
        { hostname: 'b', conductorGroup: '', alive: true },
        { hostname: 'c', conductorGroup: '', alive: true },
        { hostname: 'd', conductorGroup: 'g', alive: false },
      ]);
      expect(detail).toEqual([{ hostname: 'd', conductorGroup: 'g', alive: false, drivers: ['redfish'], createdAt: expect.any(Date), updatedAt: expect.any(Date) }]);
    });

    it('pages by online flag and by version, a missing version sorting first', async () => {
      await conductors.unregister('a');
      await dataSource.query(`UPDATE conductors SET version = CASE hostname WHEN 'c' THEN '2.0' WHEN 'b' THEN '1.0' END`);
      const walkBy = async (sortKey: 'online' | 'version') => {
        const seen: string[] = [];
        let marker: string | undefined;
        for (;;) {
          const page = await conductors.list({ limit: 1, marker, sortKey, heartbeatTimeoutSeconds: TIMEOUT });
          if (page.length === 0) return seen;
          seen.push(page[0].hostname);
          marker = page[0].hostname;
        }
      };

      expect(await walkBy('online')).toEqual(['a', 'c', 'd', 'b']);
      expect(await walkBy('version')).toEqual(['a', 'd', 'b', 'c']);
    });

    it('answers ConductorNotFound for an unknown marker', async () => {
      await expect(conductors.list({ limit: 10, marker: 'nope', heartbeatTimeoutSeconds: TIMEOUT })).rejects.toBeInstanceOf(ConductorNotFoundError);
    });
  });

  it('lists the interface rows of live conductors for the hardware types asked', async () => {
    await conductors.register(registration('c2', { hardwareTypes: ['redfish', 'ipmi'], interfaces: [...interfacesFor('redfish', 'redfish-x'), ...interfacesFor('ipmi', 'ipmitool')] }));
    await conductors.register(registration('c1'));
    await conductors.register(registration('dead', { interfaces: interfacesFor('redfish', 'stale') }));
    await heartbeatAgo('dead', 60);

    const rows = await conductors.listLiveInterfaces(['redfish'], TIMEOUT);

    expect(rows).toEqual([
      { hardwareType: 'redfish', interfaceType: 'power', interfaceName: 'redfish', isDefault: true },
      { hardwareType: 'redfish', interfaceType: 'power', interfaceName: 'fake', isDefault: false },
      { hardwareType: 'redfish', interfaceType: 'boot', interfaceName: 'pxe', isDefault: true },
      { hardwareType: 'redfish', interfaceType: 'power', interfaceName: 'redfish-x', isDefault: true },
      { hardwareType: 'redfish', interfaceType: 'power', interfaceName: 'fake', isDefault: false },
      { hardwareType: 'redfish', interfaceType: 'boot', interfaceName: 'pxe', isDefault: true },
    ]);
    expect(await conductors.listLiveInterfaces(['ipmi', 'nope'], TIMEOUT)).toHaveLength(3);
    expect(await conductors.listLiveInterfaces([], TIMEOUT)).toEqual([]);
  });

  it('gets nothing for an unknown hostname', async () => {
    expect(await conductors.get('nope', TIMEOUT)).toBeNull();
  });
});
