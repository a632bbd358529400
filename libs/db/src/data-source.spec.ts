import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { connectDataSource, createDataSource, pingDatabase } from './data-source';
import { DatabaseUnavailableError } from './database-unavailable.error';
import { createTestDatabase } from './testing/test-database';

const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL;

/** A port nothing listens on: bound by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('connectDataSource', () => {
  it('fails with DatabaseUnavailableError naming the URL without its password', async () => {
    const url = `postgres://slipway:hunter2@127.0.0.1:${await closedPort()}/slipway`;
    const dataSource = createDataSource({ url, poolSize: 1 });

    const error = await connectDataSource(dataSource, url).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    const { name, message } = error as DatabaseUnavailableError;
    expect(name).toBe('DatabaseUnavailableError');
    expect(message).toContain(url.replace('hunter2', '***'));
    expect(message).toContain('ECONNREFUSED');
    expect(message).not.toContain('hunter2');
    expect(dataSource.isInitialized).toBe(false);
  });

  it('connects to a reachable database, which then answers pings', async () => {
    const database = await createTestDatabase(adminUrl);
    const dataSource = createDataSource({ url: database.url, poolSize: 1, applicationName: 'slipway-db-spec' });
    try {
      await connectDataSource(dataSource, database.url);
      await expect(pingDatabase(dataSource)).resolves.toBeUndefined();
      const [row] = await dataSource.query(`SELECT current_setting('application_name') AS name`);
      expect(row.name).toBe('slipway-db-spec');
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    }
  });

  it('reports a database that does not exist with the server message', async () => {
    const database = await createTestDatabase(adminUrl);
    await database.drop();
    const dataSource = createDataSource({ url: database.url, poolSize: 1 });

    const error = await connectDataSource(dataSource, database.url).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toContain(`database "${database.name}" does not exist`);
  });
});
