import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { sharedData } from '@slipway/test-data';
import { createVbmc } from './index';

describe('TLS', () => {
  it('serves HTTPS with the bundled localhost certificate, which verifies as its own CA', async () => {
    const vbmc = createVbmc({ mockup: 'dmtf-public-rackmount1', mockupsDir: sharedData('redfish-mockups'), tls: true, credentials: { username: 'admin', password: 'pw' } });
    const base = await vbmc.listen();
    expect(base).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const ca = readFileSync(join(__dirname, '../certs/dev-cert.pem'));
    const dispatcher = new Agent({ connect: { ca } });
    try {
      const root = await request(`${base}/redfish/v1`, { dispatcher });
      expect(root.statusCode).toBe(200);
      expect(((await root.body.json()) as { Links: unknown }).Links).toBeDefined();
      const denied = await request(`${base}/redfish/v1/Systems`, { dispatcher });
      await denied.body.dump();
      expect(denied.statusCode).toBe(401);
      // Without the CA the self-signed certificate is refused, as a verifying client should.
      await expect(request(`${base}/redfish/v1`, { dispatcher: new Agent() })).rejects.toThrow(/self[- ]signed/i);
    } finally {
      await dispatcher.close();
      await vbmc.close();
    }
  });
});
