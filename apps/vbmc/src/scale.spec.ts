import { testVbmc } from './__fixtures__/vbmc-fixture';

// 5,000 clones share one template tree: loading must stay cheap (no timing asserted here).
describe('5,000 systems', () => {
  const { vbmc, call } = testVbmc({ systems: 5000 });

  it('lists all of them, each with its own manager, and serves any one', async () => {
    const systems = (await call('GET', '/redfish/v1/Systems')).body;
    expect(systems['Members@odata.count']).toBe(5000);
    expect(systems.Members).toHaveLength(5000);
    expect(systems.Members[4999]).toEqual({ '@odata.id': '/redfish/v1/Systems/437XR1138R2-5000' });
    expect((await call('GET', '/redfish/v1/Managers')).body.Members).toHaveLength(5000);
    const last = (await call('GET', '/redfish/v1/Systems/437XR1138R2-5000')).body;
    expect(last.Links.ManagedBy).toEqual([{ '@odata.id': '/redfish/v1/Managers/BMC-5000' }]);
    const nic = (await call('GET', '/redfish/v1/Systems/437XR1138R2-5000/EthernetInterfaces/12446A3B0411')).body;
    const first = (await call('GET', '/redfish/v1/Systems/437XR1138R2-0001/EthernetInterfaces/12446A3B0411')).body;
    expect(nic.MACAddress).not.toBe(first.MACAddress);
    expect((await call('POST', '/redfish/v1/Systems/437XR1138R2-4321/Actions/ComputerSystem.Reset', { ResetType: 'ForceOff' })).status).toBe(204);
    expect(vbmc.state.system('437XR1138R2-4321').powerState).toBe('Off');
    expect(vbmc.state.system('437XR1138R2-4322').powerState).toBe('On');
  });
});
