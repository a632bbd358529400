import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { createTestDatabase, TestDatabase } from '@slipway/db';
import { AmqpRpcTransport, amqpTopology, conductorPing } from '@slipway/rpc';
import { freePort, spawnApp, SpawnedApp, testServices } from '@slipway/testing';

// Cluster mode: the apps as separate processes on the real PostgreSQL, RabbitMQ and Redis.
describe('cluster mode (cross-process)', () => {
  const conductorHost = `test-conductor-${randomUUID().slice(0, 8)}`;
  let database: TestDatabase;
  let apps: SpawnedApp[] = [];
  let rpc: AmqpRpcTransport | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(testServices.databaseAdminUrl);
  });
  afterAll(async () => {
    await rpc?.close();
    await Promise.all(apps.map((app) => app.stop()));
    await database.drop();
    // The conductor's queue is durable (casts wait in it while the conductor is down): remove it.
    await promisify(execFile)('rabbitmqctl', ['delete_queue', amqpTopology().queueFor(conductorHost)]).catch(() => undefined);
  });

  it('starts api, conductor and orchestrator together on one fresh database, each ready', async () => {
    const cluster = { SLIPWAY_DATABASE_URL: database.url, SLIPWAY_AMQP_URL: testServices.amqpUrl };
    const apiPort = await freePort();
    const orchestratorPort = await freePort();
    // Started at the same moment: the migration advisory lock lets exactly one of them migrate.
    const api = spawnApp('api', { ...cluster, SLIPWAY_API_PORT: String(apiPort) });
    const conductor = spawnApp('conductor', { ...cluster, SLIPWAY_HOSTNAME: conductorHost });
    const orchestrator = spawnApp('orchestrator', { ...cluster, SLIPWAY_REDIS_URL: testServices.redisUrl, SLIPWAY_ORCHESTRATOR_PORT: String(orchestratorPort) });
    apps = [api, conductor, orchestrator];

    await api.waitFor(/Ironic API at http:\/\/127\.0\.0\.1:\d+\/v1/);
    await conductor.waitFor(new RegExp(`conductor ${conductorHost} .* serving RPC`));
    await orchestrator.waitFor(/orchestrator API at .*\(bullmq task queue\)/);
    const migrated = apps.filter((app) => app.stdout().includes('"migrations applied"'));
    expect(migrated).toHaveLength(1);

    const apiReady = await fetch(`http://127.0.0.1:${apiPort}/readyz`);
    expect(apiReady.status).toBe(200);
    expect(await apiReady.json()).toEqual({ status: 'ready', checks: { database: { ok: true }, broker: { ok: true } } });
    const orchestratorReady = await fetch(`http://127.0.0.1:${orchestratorPort}/readyz`);
    expect(await orchestratorReady.json()).toEqual({ status: 'ready', checks: { database: { ok: true }, broker: { ok: true }, redis: { ok: true } } });
    expect((await fetch(`http://127.0.0.1:${orchestratorPort}/api/v1.0/health`)).status).toBe(204);
    expect((await fetch(`http://127.0.0.1:${apiPort}/v1`)).status).toBe(200);
  });

  it('serves the conductor over RabbitMQ RPC under its configured hostname', async () => {
    rpc = await AmqpRpcTransport.connect({ url: testServices.amqpUrl });
    const pong = await rpc.call(conductorHost, conductorPing, {});
    expect(pong.hostname).toBe(conductorHost);
  });

  it('stops every app cleanly on SIGTERM', async () => {
    const codes = await Promise.all(apps.map((app) => app.stop()));
    expect(codes).toEqual([0, 0, 0]);
  });
});
