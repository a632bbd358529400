// `npm run db:migrate`: apply the database migrations (under the advisory lock) and exit.
import { connectDataSource, createDataSource, describeDatabaseUrl, runMigrations, startEmbeddedPostgres } from '@slipway/db';
import { loadConfigOrExit, migrateSettings } from '@slipway/config';
import { configureLogging } from '@slipway/logging';
import { opening } from '@slipway/runtime';

const APP = 'slipway-migrate';

async function main(): Promise<void> {
  const config = loadConfigOrExit(migrateSettings, APP);
  configureLogging({ level: config.log.level, format: config.log.format });
  const embedded = config.database.url ? undefined : await opening('SLIPWAY_DATA_DIR', () => startEmbeddedPostgres({ dataDir: config.dataDir }));
  const url = config.database.url ?? (embedded as { url: string }).url;
  const dataSource = createDataSource({ url, poolSize: 1 });
  try {
    await opening(config.database.url ? 'SLIPWAY_DATABASE_URL' : 'SLIPWAY_DATA_DIR', () => connectDataSource(dataSource, url));
    const applied = await runMigrations(dataSource);
    const where = embedded ? `the embedded database in ${config.dataDir}` : describeDatabaseUrl(url);
    process.stdout.write(applied.length ? `${APP}: applied ${applied.join(', ')} to ${where}\n` : `${APP}: ${where} is up to date\n`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${APP}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
