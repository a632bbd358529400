import { MigrationExecutor } from 'typeorm';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Key of the session-level advisory lock that serialises migrations. Any fixed bigint works;
 * it only has to be the same in every Slipway process and unused by anything else.
 */
export const MIGRATION_LOCK_KEY = 7_345_118_220_604_001n;

/**
 * Applies the pending migrations and returns their names (empty when up to date).
 *
 * Several processes may start at once against one database: the first to take the advisory
 * lock migrates, the others wait for it and then find nothing to do. The lock, the reads of
 * the migrations table and the migrations all use ONE connection, so this also works with a
 * pool of size 1 (embedded Postgres).
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  return withMigrationLock(dataSource, async (queryRunner) => {
    const applied = await new MigrationExecutor(dataSource, queryRunner).executePendingMigrations();
    return applied.map((migration) => migration.name);
  });
}

/**
 * Reverts every applied migration, newest first, and returns their names. For tests and for
 * tearing a schema down; never called by the apps.
 */
export async function revertAllMigrations(dataSource: DataSource): Promise<string[]> {
  return withMigrationLock(dataSource, async (queryRunner) => {
    const executor = new MigrationExecutor(dataSource, queryRunner);
    const reverted: string[] = [];
    for (;;) {
      const executed = await executor.getExecutedMigrations();
      if (executed.length === 0) return reverted;
      await executor.undoLastMigration();
      const remaining = await executor.getExecutedMigrations();
      if (remaining.length >= executed.length) {
        throw new Error(`Migration ${executed[0].name} did not revert`);
      }
      reverted.push(...executed.filter((m) => !remaining.some((r) => r.name === m.name)).map((m) => m.name));
    }
  });
}

/**
 * The SQL TypeORM would run to make the database match the entities; empty when they agree.
 * This is the drift check: an entity changed without a migration shows up here.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sqlInMemory = await dataSource.driver.createSchemaBuilder().log();
  return sqlInMemory.upQueries.map((query) => query.query);
}

async function withMigrationLock<T>(dataSource: DataSource, work: (queryRunner: QueryRunner) => Promise<T>): Promise<T> {
  const queryRunner = dataSource.createQueryRunner('master');
  try {
    await queryRunner.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      // Under the lock: two processes creating the schema at once would collide.
      const schema = schemaOption(dataSource);
      if (schema) await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
      return await work(queryRunner);
    } finally {
      await queryRunner.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    await queryRunner.release();
  }
}

function schemaOption(dataSource: DataSource): string | undefined {
  return 'schema' in dataSource.options ? dataSource.options.schema : undefined;
}
