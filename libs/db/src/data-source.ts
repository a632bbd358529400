import { DataSource } from 'typeorm';
import { DatabaseUnavailableError } from './database-unavailable.error';
import { describeDatabaseUrl } from './database-url';
import { entities } from './entities/entity-list';
import { migrations } from './migrations/migration-list';

export interface DataSourceSettings {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections in the pool. Must be 1 over embedded Postgres (PGlite is one session). */
  poolSize?: number;
  /**
   * Schema holding Slipway's tables. It becomes the connection's search_path, so that the
   * (unqualified) migrations and the entities agree on where tables live.
   */
  schema?: string;
  logging?: boolean;
  /** Shown in pg_stat_activity, to tell api, conductor and orchestrator connections apart. */
  applicationName?: string;
}

/** Table where applied migrations are recorded. */
export const MIGRATIONS_TABLE = 'slipway_migrations';

const DEFAULT_POOL_SIZE = 10;

/**
 * A TypeORM data source over Postgres with Slipway's entities and migrations. Nothing runs
 * on its own: no synchronize, no automatic migrations (see runMigrations).
 */
export function createDataSource(settings: DataSourceSettings): DataSource {
  // It goes into a connection option string unquoted; a plain identifier needs no escaping.
  if (settings.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(settings.schema)) {
    throw new Error(`Invalid schema name "${settings.schema}": use lowercase letters, digits and _`);
  }
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    poolSize: settings.poolSize ?? DEFAULT_POOL_SIZE,
    schema: settings.schema,
    applicationName: settings.applicationName ?? 'slipway',
    logging: settings.logging ?? false,
    entities,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    // Each migration commits on its own, so a future one may opt out of the transaction
    // (CREATE INDEX CONCURRENTLY) without changing how the others run.
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    // Uuids come from the application; no extension is needed (PGlite has none).
    installExtensions: false,
    extra: settings.schema ? { options: `-c search_path=${settings.schema}` } : undefined,
  });
}

/**
 * Initialises the data source. Any failure to reach the database becomes one
 * DatabaseUnavailableError naming the URL (password masked) and the cause.
 */
export async function connectDataSource(dataSource: DataSource, url: string): Promise<DataSource> {
  try {
    return await dataSource.initialize();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    throw new DatabaseUnavailableError(describeDatabaseUrl(url), describeCause(error));
  }
}

/** Readiness probe: resolves when the database answers a trivial query. */
export async function pingDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.query('SELECT 1');
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as Error & { code?: unknown }).code;
  const codeText = typeof code === 'string' ? code : undefined;
  // Node reports a refused dual-stack connect as an AggregateError with an empty message.
  const message = error.message || (error instanceof AggregateError ? String(error.errors[0]?.message ?? '') : '');
  if (!message) return codeText ?? error.name;
  return codeText && !message.includes(codeText) ? `${codeText}: ${message}` : message;
}
