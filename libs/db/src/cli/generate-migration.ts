/**
 * Writes a migration holding the difference between the entities and the schema the existing
 * migrations build, computed by TypeORM against a throwaway database.
 *
 *   npm run compile && node dist/libs/db/src/cli/generate-migration.js <PascalCaseName> [adminUrl]
 *
 * Then add the class to migrations/migration-list.ts and review the SQL. TypeORM changes a
 * column's length or type by DROP + ADD (losing its data) and re-creates constraints on it
 * under generated names: rewrite those as ALTER COLUMN ... TYPE, keeping our names.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { runMigrations } from '../migrate';
import { createTestDatabase, DEFAULT_TEST_ADMIN_URL } from '../testing/test-database';

interface Statement {
  query: string;
  parameters?: unknown[];
}

async function main(): Promise<void> {
  const [name, adminUrl = DEFAULT_TEST_ADMIN_URL] = process.argv.slice(2);
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    throw new Error('usage: generate-migration <PascalCaseName> [adminUrl]');
  }
  const database = await createTestDatabase(adminUrl);
  let dataSource: DataSource | undefined;
  try {
    dataSource = await createDataSource({ url: database.url, poolSize: 1 }).initialize();
    await runMigrations(dataSource);
    const sql = await dataSource.driver.createSchemaBuilder().log();
    // TypeORM qualifies some names (DROP INDEX) with the current schema; the migrations must
    // stay unqualified so that they follow the search_path of whoever runs them.
    const schema = (await dataSource.query('SELECT current_schema() AS schema'))[0].schema as string;
    const unqualify = (statements: Statement[]) =>
      statements.map((s) => ({ ...s, query: s.query.split(`"${schema}".`).join('') }));
    if (sql.upQueries.length === 0) {
      console.log('The entities match the migrations: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const file = join(process.cwd(), 'libs/db/src/migrations', `${timestamp}-${kebab(name)}.migration.ts`);
    writeFileSync(file, render(`${name}${timestamp}`, unqualify(sql.upQueries), unqualify([...sql.downQueries].reverse())));
    console.log(`Wrote ${file}; add ${name}${timestamp} to migrations/migration-list.ts.`);
  } finally {
    await dataSource?.destroy();
    await database.drop();
  }
}

function render(className: string, up: Statement[], down: Statement[]): string {
  const lines = (statements: Statement[]) =>
    statements
      .map(({ query, parameters }) =>
        parameters?.length
          ? `    await queryRunner.query(${literal(query)}, ${JSON.stringify(parameters)});`
          : `    await queryRunner.query(${literal(query)});`,
      )
      .join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** TODO: say what this changes and why. Generated from the entities (cli/generate-migration). */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

/** A template literal: SQL is full of double quotes, which JSON strings would escape. */
function literal(sql: string): string {
  return `\`${sql.trim().replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
