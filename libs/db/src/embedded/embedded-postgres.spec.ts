import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { NodeEntity } from '../entities/node.entity';
import { pendingSchemaChanges, runMigrations } from '../migrate';
import { SiteDesignRepository } from '../repositories/site-design.repository';
import { SiteTaskRepository } from '../repositories/site-task.repository';
import { DataDirLockedError } from './data-dir-locked.error';
import { startEmbeddedPostgres } from './embedded-postgres';
import type { EmbeddedPostgres } from './embedded-postgres';

// Each start of PGlite costs seconds, so one scenario covers the whole life cycle.
describe('embedded Postgres (PGlite over the wire protocol)', () => {
  let dataDir: string;
  let server: EmbeddedPostgres | undefined;
  let dataSource: DataSource | undefined;

  beforeAll(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'slipway-embedded-')), 'data');
  });

  afterEach(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await server?.stop();
  });

  afterAll(() => {
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  async function start(): Promise<DataSource> {
    server = await startEmbeddedPostgres({ dataDir });
    // PGlite is one session: one connection, and concurrent queries queue on it.
    dataSource = await createDataSource({ url: server.url, poolSize: 1 }).initialize();
    return dataSource;
  }

  it('migrates, serves TypeORM, serialises concurrent lock attempts and keeps data across restarts', async () => {
    const db = await start();
    expect(server?.port).toBeGreaterThan(0);

    expect(await runMigrations(db)).not.toEqual([]);
    expect(await pendingSchemaChanges(db)).toEqual([]);

    const uuid = randomUUID();
    const nodes = db.getRepository(NodeEntity);
    const { id } = await nodes.save(nodes.create({ uuid, name: 'node-1', driver: 'fake-hardware', properties: { cpus: 8 } }));

    // Ten conductors race for the exclusive lock: the atomic UPDATE lets exactly one win.
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.query('UPDATE nodes SET reservation = $1 WHERE id = $2 AND reservation IS NULL', [`conductor-${i}`, id]),
      ),
    );
    const winners = attempts.filter(([, affected]) => affected === 1);
    expect(winners).toHaveLength(1);

    // The site store's statements (per-name advisory lock, recursive tree) work over the one session.
    const stored = await Promise.all([1, 2].map(() => new SiteDesignRepository(db).storeVersion('site', 'yaml', 'inline', [])));
    expect(stored.map((design) => design.version).sort()).toEqual([1, 2]);
    const tasks = new SiteTaskRepository(db);
    const result = { status: 'incomplete', message: null, reason: null, successes: [], failures: [], links: {} };
    const root = await tasks.insert({ id: randomUUID(), action: 'deploy_nodes', designId: stored[0].id, designVersion: stored[0].version, result });
    const child = await tasks.insert({ id: randomUUID(), action: 'deploy_node', parentId: root.id, result });
    expect((await tasks.tree(root.id))?.descendants.map((task) => task.id)).toEqual([child.id]);

    // A second instance on the same folder would corrupt it: refused while this one runs.
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(DataDirLockedError);

    await dataSource?.destroy();
    await server?.stop();

    const reopened = await start();
    expect(await runMigrations(reopened)).toEqual([]);
    const node = await reopened.getRepository(NodeEntity).findOneByOrFail({ uuid });
    expect(node).toMatchObject({ name: 'node-1', driver: 'fake-hardware', properties: { cpus: 8 }, provisionState: 'enroll' });
    expect(node.reservation).toMatch(/^conductor-\d$/);
    expect((await new SiteDesignRepository(reopened).latestByName('site'))?.version).toBe(2);
  }, 120_000);
});
