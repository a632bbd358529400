import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { MIGRATIONS_TABLE } from './data-source';
import { entities } from './entities/entity-list';
import { pendingSchemaChanges, revertAllMigrations, runMigrations } from './migrate';
import { migrations } from './migrations/migration-list';
import { createTestDatabase } from './testing/test-database';
import type { TestDatabase } from './testing/test-database';

const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL;

describe('migrations (real Postgres)', () => {
  let database: TestDatabase;
  const opened: DataSource[] = [];

  async function open(settings: { schema?: string } = {}): Promise<DataSource> {
    const dataSource = await createDataSource({ url: database.url, poolSize: 2, ...settings }).initialize();
    opened.push(dataSource);
    return dataSource;
  }

  async function tablesIn(dataSource: DataSource, schema = 'public'): Promise<string[]> {
    const rows: Array<{ table_name: string }> = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [schema],
    );
    return rows.map((row) => row.table_name);
  }

  beforeEach(async () => {
    database = await createTestDatabase(adminUrl);
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((dataSource) => dataSource.destroy()));
    await database.drop();
  });

  it('builds exactly the schema the entities describe (drift check)', async () => {
    const dataSource = await open();

    expect(await pendingSchemaChanges(dataSource)).not.toEqual([]);
    const applied = await runMigrations(dataSource);

    expect(applied).toEqual(migrations.map((migration) => new migration().name));
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    const tableNames = entities.map((entity) => dataSource.getMetadata(entity).tableName);
    expect(await tablesIn(dataSource)).toEqual([...tableNames, MIGRATIONS_TABLE].sort());
    expect(await runMigrations(dataSource)).toEqual([]);
  });

  it('reports a schema that no longer matches the entities', async () => {
    const dataSource = await open();
    await runMigrations(dataSource);

    await dataSource.query('DROP INDEX nodes_reservation_idx');
    await dataSource.query('ALTER TABLE ports ALTER COLUMN address TYPE varchar(32)');

    const changes = await pendingSchemaChanges(dataSource);
    expect(changes.some((sql) => sql.includes('"nodes_reservation_idx"'))).toBe(true);
    expect(changes.some((sql) => sql.includes('"ports"') && sql.includes('"address"'))).toBe(true);
  });

  it('applies migrations once when two processes start at the same time', async () => {
    const [first, second] = await Promise.all([open(), open()]);

    const results = await Promise.all([runMigrations(first), runMigrations(second)]);

    const names = migrations.map((migration) => new migration().name);
    expect(results.flat().sort()).toEqual([...names].sort());
    expect(results.filter((applied) => applied.length === 0)).toHaveLength(1);
    const recorded: unknown[] = await first.query(`SELECT name FROM ${MIGRATIONS_TABLE}`);
    expect(recorded).toHaveLength(names.length);
    expect(await pendingSchemaChanges(second)).toEqual([]);
  });

  it('reverts every migration, leaving no Slipway table', async () => {
    const dataSource = await open();
    await runMigrations(dataSource);

    const reverted = await revertAllMigrations(dataSource);

    expect(reverted).toEqual(migrations.map((migration) => new migration().name).reverse());
    expect(await tablesIn(dataSource)).toEqual([MIGRATIONS_TABLE]);
    const recorded: unknown[] = await dataSource.query(`SELECT name FROM ${MIGRATIONS_TABLE}`);
    expect(recorded).toEqual([]);
  });

  it('moves a database at the initial schema to site tasks, keeping its site designs', async () => {
    const dataSource = await open();
    await runMigrations(dataSource);
    // Back to the initial schema: the migrations after it undone, newest first.
    for (let undone = 1; undone < migrations.length; undone++) await dataSource.undoLastMigration();
    expect(await tablesIn(dataSource)).toEqual(expect.arrayContaining(['orchestrator_tasks', 'orchestrator_task_messages']));
    await dataSource.query(`INSERT INTO site_designs (id, name, version, source, documents) VALUES ('7d1f6e0a-0000-4000-8000-000000000000', 'site', 1, 'yaml', '[]')`);

    expect(await runMigrations(dataSource)).toEqual(['SiteTasks1795293287648', 'SiteBootActions1795300935009']);

    const tables = await tablesIn(dataSource);
    expect(tables).toEqual(expect.arrayContaining(['site_tasks', 'site_task_messages', 'site_task_steps']));
    expect(tables).not.toContain('orchestrator_tasks');
    expect(await dataSource.query(`SELECT name, version, source_ref FROM site_designs`)).toEqual([{ name: 'site', version: 1, source_ref: 'inline' }]);
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('migrates into a named schema, created if missing', async () => {
    const dataSource = await open({ schema: 'slipway_app' });

    await runMigrations(dataSource);

    expect(await tablesIn(dataSource, 'slipway_app')).toContain('nodes');
    expect(await tablesIn(dataSource, 'public')).toEqual([]);
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });
});
