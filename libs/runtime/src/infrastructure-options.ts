import { InfrastructureOptions } from './infrastructure';

/** The part of an app's config the infrastructure reads (every app config has this shape). */
export interface InfrastructureSettings {
  database: { url?: string; poolSize: number };
  dataDir: string;
  amqp?: { url?: string };
  redis?: { url?: string; prefix?: string };
  rpc?: { timeout: number };
}

/** Maps an app's parsed config to what `openInfrastructure` needs; one mapping for every app. */
export function infrastructureOptions(config: InfrastructureSettings, needs: InfrastructureOptions['needs'], migrate = true): InfrastructureOptions {
  return {
    databaseUrl: config.database.url,
    dataDir: config.dataDir,
    databasePoolSize: config.database.poolSize,
    amqpUrl: config.amqp?.url,
    redisUrl: config.redis?.url,
    redisPrefix: config.redis?.prefix,
    rpcTimeoutMs: (config.rpc?.timeout ?? 60) * 1000,
    needs,
    migrate,
  };
}

/**
 * A lone api, conductor or orchestrator is one process of a cluster: it must share the database
 * and the broker with the others. Returns the settings missing for that, for a clear refusal.
 */
export function missingClusterSettings(config: InfrastructureSettings): string[] {
  const missing: string[] = [];
  if (!config.database.url) missing.push('SLIPWAY_DATABASE_URL (the shared PostgreSQL)');
  if (!config.amqp?.url) missing.push('SLIPWAY_AMQP_URL (the RabbitMQ that carries RPC between processes)');
  return missing;
}
