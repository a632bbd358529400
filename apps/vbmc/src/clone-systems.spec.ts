import { SYSTEM_1, SYSTEM_2, testVbmc } from './__fixtures__/vbmc-fixture';

describe('clones', () => {
  const { vbmc, call } = testVbmc({ systems: 3 });
  afterAll(() => vbmc.close());

  it('lists every clone under <template id>-<4-digit index>, and hides the template', async () => {
    const systems = await call('GET', '/redfish/v1/Systems');
    expect(systems.body.Members).toEqual([1, 2, 3].map((i) => ({ '@odata.id': `/redfish/v1/Systems/437XR1138R2-000${i}` })));
    expect(systems.body['Members@odata.count']).toBe(3);
    expect(vbmc.state.systemIds).toEqual(['437XR1138R2-0001', '437XR1138R2-0002', '437XR1138R2-0003']);
    expect((await call('GET', '/redfish/v1/Systems/437XR1138R2')).status).toBe(404);
    expect((await call('GET', '/redfish/v1/Managers/BMC')).status).toBe(404);
  });

  it('gives each clone its own Id, UUID, serial number and MACs', async () => {
    const docs = await Promise.all(vbmc.state.systemIds.map(async (id) => (await call('GET', `/redfish/v1/Systems/${id}`)).body));
    expect(docs.map((doc) => doc.Id)).toEqual(vbmc.state.systemIds);
    expect(new Set(docs.map((doc) => doc.UUID)).size).toBe(3);
    for (const doc of docs) expect(doc.UUID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(docs.map((doc) => doc.SerialNumber)).size).toBe(3);

    // Unique across clones (within one, a VLAN interface shares its parent NIC's MAC, as in the template).
    const owner = new Map<string, string>();
    for (const id of vbmc.state.systemIds) {
      const nics = await call('GET', `/redfish/v1/Systems/${id}/EthernetInterfaces`);
      for (const member of nics.body.Members) {
        const nic = (await call('GET', member['@odata.id'])).body;
        for (const mac of [nic.MACAddress, nic.PermanentMACAddress].filter(Boolean)) {
          expect(mac).toMatch(/^52:54:[0-9A-F]{2}(:[0-9A-F]{2}){3}$/);
          expect(owner.get(mac) ?? id).toBe(id);
          owner.set(mac, id);
        }
      }
    }
    expect(owner.size).toBeGreaterThanOrEqual(9);
    // Deterministic: the same index always gets the same addresses.
    const again = testVbmc({ systems: 3 });
    const first = (await again.call('GET', `${SYSTEM_1}/EthernetInterfaces/12446A3B0411`)).body.MACAddress;
    expect(first).toBe((await call('GET', `${SYSTEM_1}/EthernetInterfaces/12446A3B0411`)).body.MACAddress);
  });

  it('rewrites links inside the clone to the clone, including its own manager and chassis', async () => {
    const system = (await call('GET', SYSTEM_2)).body;
    expect(system.Bios['@odata.id']).toBe(`${SYSTEM_2}/Bios`);
    expect(system.Links.ManagedBy).toEqual([{ '@odata.id': '/redfish/v1/Managers/BMC-0002' }]);
    expect(system.Links.Chassis).toEqual([{ '@odata.id': '/redfish/v1/Chassis/1U-0002' }]);
    expect(system.Actions['#ComputerSystem.Reset'].target).toBe(`${SYSTEM_2}/Actions/ComputerSystem.Reset`);
    expect(JSON.stringify(system)).not.toContain('437XR1138R2"');
    const manager = (await call('GET', '/redfish/v1/Managers/BMC-0002')).body;
    expect(manager.Id).toBe('BMC-0002');
    expect(manager.Links.ManagerForServers).toEqual([{ '@odata.id': SYSTEM_2 }]);
    const chassis = await call('GET', '/redfish/v1/Chassis');
    expect(chassis.body.Members.map((m: { '@odata.id': string }) => m['@odata.id'])).toEqual(['/redfish/v1/Chassis/1U-0001', '/redfish/v1/Chassis/1U-0002', '/redfish/v1/Chassis/1U-0003']);
  });

  it('matches every route ignoring case and trailing slashes, actions included', async () => {
    expect((await call('GET', '/REDFISH/V1/systems/437xr1138r2-0002/bios/')).body['@odata.id']).toBe(`${SYSTEM_2}/Bios`);
    expect((await call('GET', '/redfish/v1/')).status).toBe(200);
    const reset = await call('POST', '/redfish/v1/systems/437XR1138R2-0002/actions/computersystem.reset/', { ResetType: 'ForceOff' });
    expect(reset.status).toBe(204);
    expect((await call('GET', SYSTEM_2)).body.PowerState).toBe('Off');
    expect((await call('GET', SYSTEM_1)).body.PowerState).toBe('On');
  });

  it('refuses a bad system count from programmatic callers too', () => {
    expect(() => testVbmc({ systems: 0 })).toThrow('systems must be a whole number of at least 1, got 0');
  });

  it('keeps managers apart when virtual media lives under the manager (iLO)', async () => {
    const { vbmc: hpe, call: hpeCall } = testVbmc({ mockup: 'hpe-ilo5-dl365-gen10plus', systems: 2 });
    const system = (await hpeCall('GET', '/redfish/v1/Systems/1-0002')).body;
    expect(system.Links.ManagedBy).toEqual([{ '@odata.id': '/redfish/v1/Managers/1-0002' }]);
    // The iLO tree links BIOS in lower case; the link follows the clone and resolves.
    expect(system.Bios['@odata.id']).toMatch(/^\/redfish\/v1\/Systems\/1-0002\/bios\/?$/);
    expect((await hpeCall('GET', system.Bios['@odata.id'])).status).toBe(200);
    const insert = await hpeCall('POST', '/redfish/v1/Managers/1-0002/VirtualMedia/2/Actions/VirtualMedia.InsertMedia', { Image: 'http://images.test/deploy.iso' });
    expect(insert.status).toBe(204);
    expect((await hpeCall('GET', '/redfish/v1/Managers/1-0002/VirtualMedia/2')).body.Image).toBe('http://images.test/deploy.iso');
    expect((await hpeCall('GET', '/redfish/v1/Managers/1-0001/VirtualMedia/2')).body.Image).toBeNull();
    await hpe.close();
  });
});
