import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedData } from '@slipway/test-data';
import { testVbmc } from './__fixtures__/vbmc-fixture';

const MOCKUPS_DIR = sharedData('redfish-mockups');
const mockups = readdirSync(MOCKUPS_DIR).filter((name) => existsSync(join(MOCKUPS_DIR, name, 'index.json')));

// Every tree in shared/redfish-mockups must load as a 3-system vbmc, serve each clone, and
// answer every link reachable from a clone without a server error (partial trees may 404).
describe.each(mockups)('mockup %s with 3 systems', (mockup) => {
  const { vbmc, call } = testVbmc({ mockup, systems: 3 });

  it('serves each clone and the collections', async () => {
    const systems = await call('GET', '/redfish/v1/Systems');
    expect(systems.body.Members).toHaveLength(3);
    for (const id of vbmc.state.systemIds) {
      const system = await call('GET', `/redfish/v1/Systems/${id}`);
      expect(system.status).toBe(200);
      expect(system.body.Id).toBe(id);
      expect(system.headers.etag).toBeDefined();
    }
    expect((await call('GET', '/redfish/v1')).status).toBe(200);
  });

  it('answers every link of clone 2 without a 5xx, and never leaks a template path of a cloned resource', async () => {
    const seen = new Set<string>();
    const queue = [`/redfish/v1/Systems/${vbmc.state.systemIds[1]}`];
    const statuses: Record<number, number> = {};
    while (queue.length > 0 && seen.size < 2000) {
      const url = queue.shift()!;
      if (seen.has(url.toLowerCase())) continue;
      seen.add(url.toLowerCase());
      const answer = await call('GET', url);
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      expect(answer.status).toBeLessThan(500);
      if (answer.status !== 200) continue;
      for (const link of JSON.stringify(answer.body).matchAll(/"@odata\.id":"(\/redfish\/v1\/(?:Systems|Managers|Chassis)\/[^"#]+)"/gi)) {
        queue.push(link[1]);
      }
    }
    expect(statuses[200]).toBeGreaterThan(1);
  });

  it('powers a clone off and on', async () => {
    const system = (await call('GET', `/redfish/v1/Systems/${vbmc.state.systemIds[2]}`)).body;
    const target = system.Actions['#ComputerSystem.Reset'].target;
    expect((await call('POST', target, { ResetType: 'ForceOff' })).status).toBe(204);
    expect((await call('GET', system['@odata.id'])).body.PowerState).toBe('Off');
    expect((await call('POST', target, { ResetType: 'On' })).status).toBe(204);
  });
});
