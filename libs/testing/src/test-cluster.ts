import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { createTestDatabase, TestDatabase } from '@slipway/db';
import { amqpTopology } from '@slipway/rpc';
import { freePort } from './free-port';
import { IronicHttp } from './ironic-http';
import { spawnApp, SpawnedApp } from './spawned-app';
import { testServices } from './test-services';
import { waitUntil } from './wait-until';

export interface TestClusterOptions {
  /** How many conductors to start (named `<prefix>-c1`, `-c2`, ...). */
  conductors: number;
  /** Settings every app gets (SLIPWAY_HEARTBEAT_INTERVAL, ...), on top of the database and broker. */
  env?: Record<string, string>;
  /** Log level of the apps (default `info`; the tests read their lines). */
  logLevel?: string;
  /** Milliseconds an app may take to start (default 60 s: two cores shared with other suites). */
  startTimeoutMs?: number;
}

export interface CreateNodesOptions {
  driver?: string;
  /** More fields of every node (driver_info, properties, ...). */
  fields?: Record<string, unknown>;
  /** The microversion of the requests (default: the client's). */
  version?: string;
  parallel?: number;
}

/**
 * An api and N conductors as separate processes on a fresh database of the real PostgreSQL and on
 * the real RabbitMQ: the cluster as admins run it. Conductors can be killed (SIGKILL) and started
 * again under the same hostname. `stop()` ends every process, drops the database and deletes the
 * conductors' durable queues.
 */
export class TestCluster {
  private readonly conductorApps = new Map<string, SpawnedApp>();

  private constructor(
    readonly database: TestDatabase,
    readonly api: SpawnedApp,
    readonly http: IronicHttp,
    readonly hosts: readonly string[],
    private readonly env: Record<string, string>,
    private readonly startTimeoutMs: number,
  ) {}

  static async start(options: TestClusterOptions): Promise<TestCluster> {
    const database = await createTestDatabase(testServices.databaseAdminUrl);
    const env = {
      SLIPWAY_DATABASE_URL: database.url,
      SLIPWAY_AMQP_URL: testServices.amqpUrl,
      SLIPWAY_LOG_LEVEL: options.logLevel ?? 'info',
      ...options.env,
    };
    const startTimeoutMs = options.startTimeoutMs ?? 60_000;
    const port = await freePort();
    const prefix = `cluster-${randomUUID().slice(0, 6)}`;
    const hosts = Array.from({ length: options.conductors }, (_, i) => `${prefix}-c${i + 1}`);
    const api = spawnApp('api', { ...env, SLIPWAY_API_PORT: String(port) });
    const cluster = new TestCluster(database, api, new IronicHttp(`http://127.0.0.1:${port}`), hosts, env, startTimeoutMs);
    try {
      await Promise.all([api.waitFor(/Ironic API at/, startTimeoutMs), ...hosts.map((host) => cluster.startConductor(host))]);
      await cluster.waitForAlive(hosts);
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  /** The running process of `host` (throws when it is not running). */
  conductor(host: string): SpawnedApp {
    const app = this.conductorApps.get(host);
    if (app === undefined) throw new Error(`conductor ${host} is not running`);
    return app;
  }

  /** Starts `host` (again) and resolves once it serves RPC. */
  async startConductor(host: string): Promise<SpawnedApp> {
    const app = spawnApp('conductor', { ...this.env, SLIPWAY_HOSTNAME: host });
    this.conductorApps.set(host, app);
    await app.waitFor(/serving RPC/, this.startTimeoutMs);
    return app;
  }

  /** kill -9: no unregistering, no lock release, its call queue gone with its connection. */
  async kill(host: string): Promise<void> {
    const app = this.conductor(host);
    app.process.kill('SIGKILL');
    await app.exited();
    this.conductorApps.delete(host);
  }

  /** Waits until the api lists exactly `hosts` as alive conductors. */
  async waitForAlive(hosts: readonly string[], timeoutMs = 30_000): Promise<void> {
    const wanted = [...hosts].sort().join(',');
    await waitUntil(async () => (await this.aliveConductors()).join(',') === wanted, `alive conductors ${wanted}`, timeoutMs, 100);
  }

  /** The hostnames `GET /v1/conductors` reports alive, sorted. */
  async aliveConductors(): Promise<string[]> {
    const { conductors } = await this.http.expect<{ conductors: { hostname: string; alive: boolean }[] }>(200, 'GET', '/v1/conductors');
    return conductors
      .filter((conductor) => conductor.alive)
      .map((conductor) => conductor.hostname)
      .sort();
  }

  /** Node uuid → owning conductor, as the api computes it (the `conductor` field). */
  async owners(): Promise<Map<string, string>> {
    const nodes = await this.http.allNodes('fields=uuid,conductor');
    return new Map(nodes.map((node) => [node.uuid as string, node.conductor as string]));
  }

  /** Waits until the api computes `expected` (node uuid → conductor) for every node in it. */
  async waitForOwners(expected: ReadonlyMap<string, string>, timeoutMs = 15_000): Promise<void> {
    await waitUntil(
      async () => {
        const owners = await this.owners();
        return [...expected].every(([uuid, owner]) => owners.get(uuid) === owner);
      },
      'the ring to give every node its expected owner',
      timeoutMs,
      100,
    );
  }

  /**
   * Creates `count` nodes (`node-<i>`), `parallel` requests at a time; their uuids in creation
   * order. At microversion 1.10 or lower they start `available`, as in Ironic; else `enroll`.
   */
  async createNodes(count: number, options: CreateNodesOptions = {}): Promise<string[]> {
    const { driver = 'fake-hardware', fields = {}, version, parallel = 8 } = options;
    const uuids: string[] = new Array<string>(count);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < count) {
        const index = next++;
        const created = await this.http.request<{ uuid: string }>('POST', '/v1/nodes', { driver, name: `node-${index}`, ...fields }, version);
        if (created.status !== 201) throw new Error(`creating node-${index} answered ${created.status}: ${JSON.stringify(created.body)}`);
        uuids[index] = created.body.uuid;
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    return uuids;
  }

  async stop(): Promise<void> {
    await Promise.all([this.api.stop(), ...[...this.conductorApps.values()].map((app) => app.stop())]);
    await this.database.drop();
    await deleteConductorQueues(this.hosts);
  }
}

/** The durable cast queues outlive their conductors by design: a test removes its own (call queues go with their consumers). */
async function deleteConductorQueues(hosts: readonly string[]): Promise<void> {
  const topology = amqpTopology();
  await Promise.all(hosts.map((host) => promisify(execFile)('rabbitmqctl', ['delete_queue', topology.queueFor(host)]).catch(() => undefined)));
}
