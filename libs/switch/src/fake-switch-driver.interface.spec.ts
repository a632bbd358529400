import { DriverOperationError, InvalidParameterValueError } from '@slipway/errors';
import { FakeSwitchDriver } from './fake-switch-driver.interface';
import { describeSwitchDriverConformance } from './switch-driver.conformance';

describeSwitchDriverConformance({
  name: 'fake',
  create: async () => ({ driver: new FakeSwitchDriver({ ports: ['tor-1/Ethernet1/1', 'tor-2/Ethernet1/1'] }), ports: ['tor-1/Ethernet1/1', 'tor-2/Ethernet1/1'], unknownPort: 'tor-1/Ethernet1/2' }),
});

describe('FakeSwitchDriver', () => {
  it('starts every port as a switch ships it: enabled, link up, access on VLAN 1', async () => {
    const driver = new FakeSwitchDriver({ ports: ['tor-1/p1'] });
    expect(await driver.interrogatePort('tor-1/p1')).toEqual({ port: 'tor-1/p1', adminState: 'up', operState: 'up', vlanFiltering: true, mode: 'access', nativeVlan: 1, allowedVlans: [1] });
  });

  it('records the actions that reached it, with Drydock names, and not the refused ones', async () => {
    const driver = new FakeSwitchDriver({ ports: ['tor-1/p1'] });
    await driver.validateNetworkServices();
    await driver.configurePortProvisioning('tor-1/p1', { provisioningVlan: 10 });
    await expect(driver.configurePortProduction('tor-1/p1', { allowedVlans: [0] })).rejects.toBeInstanceOf(InvalidParameterValueError);
    await driver.configurePortProduction('tor-1/p1', { nativeVlan: 20, allowedVlans: [20, 30] });
    await driver.interrogatePort('tor-1/p1');
    expect(driver.calls).toEqual([
      { action: 'validate_network_services' },
      { action: 'config_port_provisioning', port: 'tor-1/p1', vlans: { mode: 'access', nativeVlan: 10, allowedVlans: [10] } },
      { action: 'config_port_production', port: 'tor-1/p1', vlans: { mode: 'trunk', nativeVlan: 20, allowedVlans: [20, 30] } },
      { action: 'interrogate_port', port: 'tor-1/p1' },
    ]);
  });

  it('fails validate_network_services with the configured reason', async () => {
    const driver = new FakeSwitchDriver({ ports: ['tor-1/p1'], servicesUnavailable: 'tor-1 does not answer' });
    await expect(driver.validateNetworkServices()).rejects.toThrow(new DriverOperationError({ driver: 'fake', reason: 'tor-1 does not answer' }));
  });

  it('reports a link state set by the test', async () => {
    const driver = new FakeSwitchDriver({ ports: ['tor-1/p1'] });
    driver.setLinkState('tor-1/p1', { operState: 'down' });
    expect(await driver.interrogatePort('tor-1/p1')).toMatchObject({ adminState: 'up', operState: 'down' });
  });

  it('refuses a configuration without ports, or with a port twice or misnamed', async () => {
    await expect(new FakeSwitchDriver({ ports: [] }).validate()).rejects.toThrow('The fake switch driver needs at least one port or switch.');
    expect(() => new FakeSwitchDriver({ ports: ['tor-1/p1', 'tor-1/p1'] })).toThrow('The fake switch port tor-1/p1 is listed twice.');
    expect(() => new FakeSwitchDriver({ ports: ['p1'] })).toThrow(InvalidParameterValueError);
  });

  it('has every port of a listed switch, as it ships, and no port of another switch', async () => {
    const driver = new FakeSwitchDriver({ ports: [], switches: ['tor-1'] });
    await expect(driver.validate()).resolves.toBeUndefined();
    await driver.configurePortProvisioning('tor-1/swp7', { provisioningVlan: 10 });
    expect(await driver.interrogatePort('tor-1/swp7')).toMatchObject({ mode: 'access', allowedVlans: [10] });
    expect(await driver.interrogatePort('tor-1/swp8')).toMatchObject({ mode: 'access', allowedVlans: [1] });
    await expect(driver.interrogatePort('tor-2/swp7')).rejects.toThrow(/tor-2\/swp7/);
  });
});
