import type { DataSource } from 'typeorm';
import { NodeEntity } from '../entities/node.entity';
import { ConductorNotFoundError } from '@slipway/errors';
import { ConductorEntity } from '../entities/conductor.entity';

// The only place with SQL for conductors and their hardware interfaces. Liveness is always judged
// by the database clock (`now()`), never by a process clock: the heartbeats of every process are
// written with that same clock, so skew between hosts cannot make a live conductor look dead.

/** One interface implementation a conductor enables for a hardware type. */
export interface ConductorInterfaceRow {
  hardwareType: string;
  interfaceType: string;
  interfaceName: string;
  /** The computed default implementation for this interface type. */
  isDefault: boolean;
}

export interface ConductorRegistration {
  hostname: string;
  /** Stored lower-case: groups compare case-insensitively. */
  conductorGroup: string;
  hardwareTypes: readonly string[];
  interfaces: readonly ConductorInterfaceRow[];
  /** Software version, for rolling upgrades. */
  version?: string | null;
}

export interface ConductorRegistrationResult {
  id: number;
  /**
   * The row was still marked online: the previous run did not shut down cleanly, or another
   * process runs with the same hostname.
   */
  wasOnline: boolean;
}

/** A live conductor and the hardware types it has interfaces for (what hash rings are built from). */
export interface LiveConductor {
  hostname: string;
  conductorGroup: string;
  hardwareTypes: string[];
}

/** What `GET /v1/conductors` lists without `detail`. */
export interface ConductorSummary {
  hostname: string;
  conductorGroup: string;
  /** Online and heartbeating within the timeout, by the database clock. */
  alive: boolean;
}

export interface ConductorDetail extends ConductorSummary {
  /** The hardware types it registered. */
  drivers: string[];
  createdAt: Date;
  /** Its last heartbeat. */
  updatedAt: Date;
}

export type ConductorSortKey = 'id' | 'hostname' | 'conductorGroup' | 'online' | 'version' | 'createdAt' | 'updatedAt';

export interface ConductorListQuery {
  limit: number;
  /** Hostname of the last conductor of the previous page. */
  marker?: string;
  sortKey?: ConductorSortKey;
  sortDir?: 'asc' | 'desc';
  /** Seconds without a heartbeat after which a conductor is not alive. */
  heartbeatTimeoutSeconds: number;
}

// Whitelisted sort expressions over a table alias: the sort key goes into the SQL text. `version`
// is the only nullable one; NULL sorts as '' so that the keyset comparison below stays exact.
const SORT_COLUMNS: Record<ConductorSortKey, (alias: string) => string> = {
  id: (t) => `${t}.id`,
  hostname: (t) => `${t}.hostname`,
  conductorGroup: (t) => `${t}.conductor_group`,
  online: (t) => `${t}.online`,
  version: (t) => `COALESCE(${t}.version, '')`,
  createdAt: (t) => `${t}.created_at`,
  updatedAt: (t) => `${t}.updated_at`,
};

/** The liveness rule (Ironic's): online and a heartbeat no older than the timeout. `$1` is the timeout. */
const ALIVE = `(c.online AND c.updated_at >= now() - make_interval(secs => $1))`;

interface ConductorRow {
  id: number;
  hostname: string;
  conductor_group: string;
  alive: boolean;
  drivers: string[];
  created_at: Date;
  updated_at: Date;
}

/** A node whose lock a restarting conductor freed. */
export interface ReleasedNode {
  uuid: string;
  provisionState: string;
  maintenance: boolean;
}

export class ConductorRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates or takes over the row of `hostname` (online, heartbeat now) and replaces its
   * hardware-interface rows, in one transaction: a reader sees the old set or the new one.
   */
  register(registration: ConductorRegistration): Promise<ConductorRegistrationResult> {
    const { hostname, hardwareTypes, interfaces } = registration;
    return this.dataSource.transaction(async (manager) => {
      // Locks an existing row, so the online flag read is the one this transaction replaces.
      const previous: Array<{ online: boolean }> = await manager.query(`SELECT online FROM conductors WHERE hostname = $1 FOR UPDATE`, [hostname]);
      const [row]: Array<{ id: number }> = await manager.query(
        `INSERT INTO conductors (hostname, drivers, conductor_group, online, version, updated_at)
         VALUES ($1, $2::jsonb, $3, true, $4, now())
         ON CONFLICT (hostname) DO UPDATE
           SET drivers = EXCLUDED.drivers, conductor_group = EXCLUDED.conductor_group, online = true,
               version = EXCLUDED.version, updated_at = now()
         RETURNING id`,
        [hostname, JSON.stringify([...new Set(hardwareTypes)]), registration.conductorGroup.toLowerCase(), registration.version ?? null],
      );
      await manager.query(`DELETE FROM conductor_hardware_interfaces WHERE conductor_id = $1`, [row.id]);
      if (interfaces.length > 0) {
        // One statement for any number of rows: parallel arrays, unnested.
        await manager.query(
          `INSERT INTO conductor_hardware_interfaces (conductor_id, hardware_type, interface_type, interface_name, "default")
           SELECT $1, * FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::boolean[])`,
          [
            row.id,
            interfaces.map((i) => i.hardwareType),
            interfaces.map((i) => i.interfaceType),
            interfaces.map((i) => i.interfaceName),
            interfaces.map((i) => i.isDefault),
          ],
        );
      }
      return { id: row.id, wasOnline: previous[0]?.online === true };
    });
  }

  /**
   * Records a heartbeat (database clock) and marks the conductor online. False when its row is
   * gone (deleted as stale while this process could not reach the database): register again.
   */
  async heartbeat(hostname: string): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(ConductorEntity)
      .set({ online: true, updatedAt: () => 'now()' })
      .where('hostname = :hostname', { hostname })
      .execute();
    return result.affected === 1;
  }

  /** Marks the conductor offline (clean shutdown); its nodes move as the rings refresh. */
  /** The id of a registered conductor (nodes.conductor_affinity refers to it), or null. */
  async idOf(hostname: string): Promise<number | null> {
    const rows: Array<{ id: number }> = await this.dataSource.query('SELECT id FROM conductors WHERE hostname = $1', [hostname]);
    return rows[0]?.id ?? null;
  }

  async unregister(hostname: string): Promise<void> {
    await this.dataSource.createQueryBuilder().update(ConductorEntity).set({ online: false }).where('hostname = :hostname', { hostname }).execute();
  }

  /**
   * Releases every node lock held under `hostname` (case-insensitive, like Ironic), for a
   * conductor starting up: locks its previous run held are stale. Returns how many it released.
   */
  /** Frees the node locks `hostname` holds; says which nodes they were (their work may need resuming). */
  async clearReservationsOf(hostname: string): Promise<ReleasedNode[]> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(NodeEntity)
      .set({ reservation: null })
      .where('lower(reservation) = lower(:hostname)', { hostname })
      .returning('uuid, provision_state AS "provisionState", maintenance')
      .execute();
    const rows = result.raw as Array<{ uuid: string; provisionState: string; maintenance: boolean }>;
    return rows.map((row) => ({ uuid: row.uuid, provisionState: row.provisionState, maintenance: row.maintenance }));
  }

  /**
   * The live conductors (online, heartbeat within `heartbeatTimeoutSeconds` by the database
   * clock) with the hardware types of their interface rows, sorted by hostname.
   */
  listLive(heartbeatTimeoutSeconds: number): Promise<LiveConductor[]> {
    return this.dataSource.query(
      `SELECT c.hostname, c.conductor_group AS "conductorGroup",
              COALESCE(array_agg(DISTINCT h.hardware_type ORDER BY h.hardware_type) FILTER (WHERE h.hardware_type IS NOT NULL), '{}') AS "hardwareTypes"
         FROM conductors c
         LEFT JOIN conductor_hardware_interfaces h ON h.conductor_id = c.id
        WHERE ${ALIVE}
        GROUP BY c.id
        ORDER BY c.hostname`,
      [heartbeatTimeoutSeconds],
    );
  }

  /**
   * The interface rows that live conductors registered for these hardware types (what the
   * driver detail of the API is built from), by conductor hostname then registration order.
   * Rows of dead conductors are left out: they describe a configuration nobody serves any more.
   */
  listLiveInterfaces(hardwareTypes: readonly string[], heartbeatTimeoutSeconds: number): Promise<ConductorInterfaceRow[]> {
    if (hardwareTypes.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT h.hardware_type AS "hardwareType", h.interface_type AS "interfaceType", h.interface_name AS "interfaceName", h."default" AS "isDefault"
         FROM conductor_hardware_interfaces h
         JOIN conductors c ON c.id = h.conductor_id
        WHERE ${ALIVE} AND h.hardware_type = ANY($2::varchar[])
        ORDER BY c.hostname, h.id`,
      [heartbeatTimeoutSeconds, [...hardwareTypes]],
    );
  }

  /**
   * A page of conductors, online or not, in (sort key, id) order after `marker`.
   * @throws ConductorNotFoundError when the marker names no conductor (Ironic answers 404).
   */
  list(query: ConductorListQuery & { detail: true }): Promise<ConductorDetail[]>;
  list(query: ConductorListQuery & { detail?: false }): Promise<ConductorSummary[]>;
  async list(query: ConductorListQuery & { detail?: boolean }): Promise<ConductorSummary[] | ConductorDetail[]> {
    const column = SORT_COLUMNS[query.sortKey ?? 'id'];
    const direction = query.sortDir === 'desc' ? 'DESC' : 'ASC';
    const parameters: unknown[] = [query.heartbeatTimeoutSeconds, query.limit];
    let after = '';
    if (query.marker !== undefined) {
      const found: unknown[] = await this.dataSource.query(`SELECT 1 FROM conductors WHERE hostname = $1`, [query.marker]);
      if (found.length === 0) throw new ConductorNotFoundError({ conductor: query.marker });
      parameters.push(query.marker);
      // Keyset pagination. The marker's values stay in SQL (a timestamp through JavaScript would
      // lose its microseconds); no sort expression is NULL, so a row comparison is exact.
      after = `WHERE (${column('c')}, c.id) ${direction === 'ASC' ? '>' : '<'} (SELECT ${column('m')}, m.id FROM conductors m WHERE m.hostname = $3)`;
    }
    const rows: ConductorRow[] = await this.dataSource.query(
      `SELECT c.id, c.hostname, c.conductor_group, ${ALIVE} AS alive, c.drivers, c.created_at, c.updated_at
         FROM conductors c
         ${after}
        ORDER BY ${column('c')} ${direction}, c.id ${direction}
        LIMIT $2`,
      parameters,
    );
    return rows.map(query.detail === true ? toDetail : toSummary);
  }

  /** One conductor, online or not; null when none has that hostname. */
  async get(hostname: string, heartbeatTimeoutSeconds: number): Promise<ConductorDetail | null> {
    const [row]: ConductorRow[] = await this.dataSource.query(
      `SELECT c.id, c.hostname, c.conductor_group, ${ALIVE} AS alive, c.drivers, c.created_at, c.updated_at
         FROM conductors c
        WHERE c.hostname = $2`,
      [heartbeatTimeoutSeconds, hostname],
    );
    return row === undefined ? null : toDetail(row);
  }
}

function toSummary(row: ConductorRow): ConductorSummary {
  return { hostname: row.hostname, conductorGroup: row.conductor_group, alive: row.alive };
}

function toDetail(row: ConductorRow): ConductorDetail {
  return { ...toSummary(row), drivers: row.drivers, createdAt: row.created_at, updatedAt: row.updated_at };
}
