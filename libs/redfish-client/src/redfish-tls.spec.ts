import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { RedfishConnection } from './redfish-connection';
import { RedfishConnectionError } from './redfish-errors';

// TLS verification is on unless a node says otherwise: a BMC with a self-signed certificate is
// refused, accepted with its CA bundle (redfish_verify_ca=<path>), or with verification off.
describe('RedfishConnection over TLS', () => {
  const fixtures = join(__dirname, '__fixtures__');
  const cert = readFileSync(join(fixtures, 'test-bmc.cert.pem'), 'utf8');
  let server: Server;
  let address: string;

  beforeAll(async () => {
    server = createServer({ cert, key: readFileSync(join(fixtures, 'test-bmc.key.pem'), 'utf8') }, (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ Id: 'RootService' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    address = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const rootWith = async (verify?: ConstructorParameters<typeof RedfishConnection>[0]['verify']) => {
    const connection = new RedfishConnection({ address, verify, retry: { connectionAttempts: 1 } });
    try {
      return await connection.root();
    } finally {
      await connection.close();
    }
  };

  it('refuses a certificate it cannot verify, by default', async () => {
    const refused = rootWith();
    await expect(refused).rejects.toBeInstanceOf(RedfishConnectionError);
    await expect(refused).rejects.toThrow(/self[- ]signed certificate/i);
  });

  it('accepts it with its CA bundle, or with verification explicitly off', async () => {
    expect(await rootWith({ ca: cert })).toEqual({ Id: 'RootService' });
    expect(await rootWith(false)).toEqual({ Id: 'RootService' });
  });
});
