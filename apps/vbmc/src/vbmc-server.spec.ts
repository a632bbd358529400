import { join } from 'node:path';
import { DEFAULT_MOCKUPS_DIR } from './bundled-files';
import { MockupTree } from './mockup-tree';
import { SYSTEM_1, testVbmc } from './__fixtures__/vbmc-fixture';

describe('vbmc', () => {
  const { vbmc, call } = testVbmc();
  afterAll(() => vbmc.close());

  it('serves the service root and resources of the mockup, ignoring case', async () => {
    const root = await call('GET', '/redfish/v1');
    expect(root.status).toBe(200);
    expect(root.headers['odata-version']).toBe('4.0');
    expect(root.body.Systems['@odata.id']).toBe('/redfish/v1/Systems');
    const systems = await call('GET', '/redfish/v1/systems/');
    expect(systems.body.Members).toEqual([{ '@odata.id': SYSTEM_1 }]);
    expect((await call('GET', '/redfish')).body).toEqual({ v1: '/redfish/v1/' });
    expect((await call('GET', '/REDFISH/V1/REGISTRIES')).status).toBe(200);
    const head = await vbmc.server.inject({ method: 'HEAD', url: SYSTEM_1 });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe((await call('GET', SYSTEM_1)).headers.etag);
  });

  it('answers a Redfish 404 for a missing resource and 405 for writes it does not take', async () => {
    const missing = await call('GET', '/redfish/v1/Systems/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('Base.1.8.ResourceMissingAtURI');
    expect((await call('GET', `${SYSTEM_1}/Nope`)).status).toBe(404);
    const write = await call('PATCH', `${SYSTEM_1}/Processors/CPU1`, {});
    expect(write.status).toBe(405);
    expect(write.headers.allow).toBe('GET, HEAD');
    expect((await call('DELETE', '/redfish/v1/Registries')).status).toBe(405);
  });

  it('answers malformed JSON with a Redfish 400, whatever the content type', async () => {
    const answer = await vbmc.server.inject({ method: 'PATCH', url: SYSTEM_1, payload: '{nope', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.code).toBe('Base.1.8.MalformedJSON');
    const form = await vbmc.server.inject({ method: 'PATCH', url: SYSTEM_1, payload: '{"IndicatorLED":"Lit"}', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.json().IndicatorLED).toBe('Lit');
  });

  it('names the folders it looked in when the mockup does not exist', () => {
    expect(() => MockupTree.load('no-such-mockup', DEFAULT_MOCKUPS_DIR)).toThrow(/no Redfish mockup at .*no-such-mockup/);
    expect(() => testVbmc({ mockup: join(DEFAULT_MOCKUPS_DIR, 'missing') })).toThrow(/no Redfish mockup/);
  });
});
