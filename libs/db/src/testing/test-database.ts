import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { runMigrations } from '../migrate';

/** The local development/CI Postgres (trust auth), used when no admin URL is given. */
export const DEFAULT_TEST_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** URL of the new, empty database. */
  url: string;
  /** Its name, `slipway_test_<random>`. */
  name: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

/**
 * Creates an empty database with a unique name for one test, through a server URL with the
 * right to create databases. Tests pass `process.env.SLIPWAY_TEST_DATABASE_URL` (libraries
 * may not read the environment).
 */
export async function createTestDatabase(adminUrl: string = DEFAULT_TEST_ADMIN_URL): Promise<TestDatabase> {
  const name = `slipway_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

async function withAdminClient(adminUrl: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: adminUrl, application_name: 'slipway-test-admin' });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh test database with the schema migrated and a data source open on it. */
export interface MigratedTestDatabase {
  dataSource: DataSource;
  /** Closes the data source and drops the database. */
  close(): Promise<void>;
}

/** The setup of every repository test: its own database, migrated, and a data source on it. */
export async function createMigratedTestDatabase(adminUrl: string = DEFAULT_TEST_ADMIN_URL, poolSize = 4): Promise<MigratedTestDatabase> {
  const database = await createTestDatabase(adminUrl);
  const dataSource = await createDataSource({ url: database.url, poolSize }).initialize();
  await runMigrations(dataSource);
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
