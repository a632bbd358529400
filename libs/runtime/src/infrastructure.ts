import { connectDataSource, createDataSource, DataSource, describeDatabaseUrl, pingDatabase, runMigrations, startEmbeddedPostgres } from '@slipway/db';
import { getLogger } from '@slipway/logging';
import { AmqpRpcTransport, InProcessRpcTransport, RpcTransport } from '@slipway/rpc';
import { BullMqTaskQueue, InProcessTaskQueue, TaskQueue } from '@slipway/task-queue';
import { ProcessLifecycle } from './process-lifecycle';
import { ReadinessCheck } from './readiness';
import { opening } from './startup.error';

// Opens what a process needs, picking the standalone or the cluster adapter for each port
// from the settings: an unset URL means the embedded/in-process default.

export interface InfrastructureOptions {
  /** postgres:// URL; unset → embedded PGlite with its data in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  databasePoolSize: number;
  /** amqp:// URL; unset → in-process RPC. */
  amqpUrl?: string;
  /** redis:// URL; unset → in-process queue. */
  redisUrl?: string;
  /** Prefix of the queue's Redis keys (`slipway` when unset). */
  redisPrefix?: string;
  rpcTimeoutMs: number;
  /** Which ports this process uses: a lone api has no queue, a lone conductor no queue either. */
  needs: { rpc: boolean; queue: boolean };
  /** Run migrations at start (under an advisory lock). */
  migrate: boolean;
}

export interface Infrastructure {
  dataSource: DataSource;
  rpc?: RpcTransport;
  queue?: TaskQueue;
  readiness: ReadinessCheck[];
  modes: { database: 'embedded' | 'external'; rpc?: 'in-process' | 'amqp'; queue?: 'in-process' | 'bullmq' };
}

export async function openInfrastructure(options: InfrastructureOptions, lifecycle: ProcessLifecycle): Promise<Infrastructure> {
  const log = getLogger('Infrastructure');
  const readiness: ReadinessCheck[] = [];

  let databaseUrl = options.databaseUrl;
  if (!databaseUrl) {
    const embedded = await opening('SLIPWAY_DATA_DIR', () => startEmbeddedPostgres({ dataDir: options.dataDir }));
    lifecycle.onShutdown('embedded database', () => embedded.stop());
    databaseUrl = embedded.url;
    log.info({ dataDir: options.dataDir }, 'embedded database started');
  }
  // PGlite is a single session: its pool must be one connection (queries queue behind it).
  const dataSource = createDataSource({ url: databaseUrl, poolSize: options.databaseUrl ? options.databasePoolSize : 1 });
  await opening(options.databaseUrl ? 'SLIPWAY_DATABASE_URL' : 'SLIPWAY_DATA_DIR', () => connectDataSource(dataSource, databaseUrl));
  lifecycle.onShutdown('database', () => dataSource.destroy());
  readiness.push({ name: 'database', check: () => pingDatabase(dataSource) });
  if (options.migrate) {
    const applied = await runMigrations(dataSource);
    log.info({ applied, database: describeDatabaseUrl(databaseUrl) }, applied.length ? 'migrations applied' : 'schema up to date');
  }

  let rpc: RpcTransport | undefined;
  if (options.needs.rpc) {
    const transport: RpcTransport = options.amqpUrl
      ? await opening('SLIPWAY_AMQP_URL', () => AmqpRpcTransport.connect({ url: options.amqpUrl as string, defaultTimeoutMs: options.rpcTimeoutMs }))
      : new InProcessRpcTransport({ defaultTimeoutMs: options.rpcTimeoutMs });
    rpc = transport;
    lifecycle.onShutdown('rpc', () => transport.close());
    readiness.push({ name: 'broker', check: () => transport.ping() });
  }

  let queue: TaskQueue | undefined;
  if (options.needs.queue) {
    const redisUrl = options.redisUrl;
    queue = redisUrl ? await opening('SLIPWAY_REDIS_URL', () => BullMqTaskQueue.connect({ url: redisUrl, prefix: options.redisPrefix })) : new InProcessTaskQueue();
    const taskQueue = queue;
    lifecycle.onShutdown('task queue', () => taskQueue.close());
    readiness.push({ name: 'redis', check: () => taskQueue.ping() });
  }

  return {
    dataSource,
    rpc,
    queue,
    readiness,
    modes: {
      database: options.databaseUrl ? 'external' : 'embedded',
      rpc: rpc && (options.amqpUrl ? 'amqp' : 'in-process'),
      queue: queue && (options.redisUrl ? 'bullmq' : 'in-process'),
    },
  };
}
