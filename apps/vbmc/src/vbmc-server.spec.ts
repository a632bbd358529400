import { join } from 'node:path';
import { MockupTree } from './mockup-tree';
import { parseVbmcArgs } from './vbmc-args';
import { createVbmcServer } from './vbmc-server';

const mockupsDir = join(__dirname, '../../../../shared/redfish-mockups');

describe('vbmc', () => {
  const tree = MockupTree.load('dmtf-public-rackmount1', mockupsDir);
  const server = createVbmcServer(tree);
  afterAll(() => server.close());

  it('serves the service root and resources of the mockup, ignoring case', async () => {
    const root = await server.inject({ method: 'GET', url: '/redfish/v1' });
    expect(root.statusCode).toBe(200);
    expect(root.json().Systems['@odata.id']).toBe('/redfish/v1/Systems');
    const systems = await server.inject({ method: 'GET', url: '/redfish/v1/systems/' });
    expect(systems.json().Members).toEqual([{ '@odata.id': '/redfish/v1/Systems/437XR1138R2' }]);
  });

  it('answers a Redfish 404 for a missing resource and 405 for writes', async () => {
    const missing = await server.inject({ method: 'GET', url: '/redfish/v1/Systems/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('Base.1.8.ResourceMissingAtURI');
    const write = await server.inject({ method: 'PATCH', url: '/redfish/v1/Systems/437XR1138R2', payload: {} });
    expect(write.statusCode).toBe(405);
  });

  it('names the folders it looked in when the mockup does not exist', () => {
    expect(() => MockupTree.load('no-such-mockup', mockupsDir)).toThrow(/no Redfish mockup at .*no-such-mockup/);
  });

  it('rejects a bad port and unknown flags', () => {
    expect(() => parseVbmcArgs(['--port', 'x'])).toThrow('--port must be a whole number');
    expect(() => parseVbmcArgs(['--bogus'])).toThrow();
    expect(parseVbmcArgs(['--mockup', 'intel-s2600bpb', '--port', '8001'])).toEqual({ mockup: 'intel-s2600bpb', host: '127.0.0.1', port: 8001 });
  });
});
