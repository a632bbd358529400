import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { SiteDesignRepository } from './site-design.repository';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('SiteDesignRepository', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let designs: SiteDesignRepository;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl, 8);
    dataSource = database.dataSource;
    designs = new SiteDesignRepository(dataSource);
  });
  afterAll(async () => {
    await database.close();
  });

  const siteName = () => `site-${randomUUID().slice(0, 8)}`;
  const yaml = '---\nschema: drydock/Region/v1\nmetadata:\n  name: sitename\ndata: {}\n';
  const documents = [{ kind: 'Region', name: 'sitename', data: { authorized_keys: ['ssh-ed25519 AAAA'] } }];

  it('stores immutable versions numbered from 1 per name, and reads them back whole', async () => {
    const name = siteName();
    const first = await designs.storeVersion(name, yaml, 'site.yaml', documents);
    const second = await designs.storeVersion(name, `${yaml}# changed\n`, 'https://example.com/site.yaml', []);
    const other = await designs.storeVersion(siteName(), yaml, 'inline', documents);

    expect(first).toEqual({ id: expect.any(String), name, version: 1 });
    expect(second).toMatchObject({ name, version: 2 });
    expect(other.version).toBe(1);
    expect(await designs.byId(first.id)).toEqual({ id: first.id, name, version: 1, source: yaml, sourceRef: 'site.yaml', documents, createdAt: expect.any(Date) });
    expect(await designs.latestByName(name)).toMatchObject({ id: second.id, version: 2, source: `${yaml}# changed\n`, sourceRef: 'https://example.com/site.yaml', documents: [] });
    expect(await designs.latestByName('no-such-site')).toBeNull();
    expect(await designs.byId(randomUUID())).toBeNull();
  });

  it('gives concurrent stores of one name consecutive versions, none twice', async () => {
    const name = siteName();
    const pair = await Promise.all([designs.storeVersion(name, yaml, 'a.yaml', []), designs.storeVersion(name, yaml, 'b.yaml', [])]);
    expect(pair.map((stored) => stored.version).sort()).toEqual([1, 2]);

    const more = await Promise.all(Array.from({ length: 6 }, (_, i) => designs.storeVersion(name, yaml, `${i}.yaml`, [])));
    expect(more.map((stored) => stored.version).sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(new Set([...pair, ...more].map((stored) => stored.id)).size).toBe(8);
  });

  it('finds the version stored last, of any name', async () => {
    const first = await designs.storeVersion(siteName(), yaml, 'a.yaml', []);
    expect((await designs.latest())?.id).toBe(first.id);
    const second = await designs.storeVersion(siteName(), yaml, 'b.yaml', []);
    expect(await designs.latest()).toMatchObject({ id: second.id, name: second.name, version: 1, sourceRef: 'b.yaml' });
  });

  it('lists versions by name and version, without YAML or documents', async () => {
    const name = siteName();
    await designs.storeVersion(name, yaml, 'one.yaml', documents);
    await designs.storeVersion(name, yaml, 'two.yaml', documents);
    const listed = await designs.list({ name });
    expect(listed).toEqual([
      { id: expect.any(String), name, version: 1, sourceRef: 'one.yaml', createdAt: expect.any(Date) },
      { id: expect.any(String), name, version: 2, sourceRef: 'two.yaml', createdAt: expect.any(Date) },
    ]);
    const all = await designs.list();
    expect(all.filter((design) => design.name === name)).toEqual(listed);
    expect(all.map((design) => design.name)).toEqual([...all.map((design) => design.name)].sort());
  });

  it('refuses a version below 1 and a name and version twice', async () => {
    const insert = (version: number, name: string) =>
      dataSource.query(`INSERT INTO site_designs (id, name, version, source, source_ref, documents) VALUES ($1, $2, $3, '', 'inline', '[]')`, [randomUUID(), name, version]);
    await expect(insert(0, siteName())).rejects.toThrow(/site_designs_version_check/);
    const { name } = await designs.storeVersion(siteName(), yaml, 'inline', []);
    await expect(insert(1, name)).rejects.toThrow(/site_designs_name_version_key/);
  });
});
