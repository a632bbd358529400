import { InvalidParameterValueError } from '@slipway/errors';
import { parseSwitchPort, productionVlans, provisioningVlans } from './switch-port';

describe('parseSwitchPort', () => {
  it.each([
    ['tor-1/p1', { switchName: 'tor-1', portName: 'p1' }],
    ['tor-1/Ethernet1/3', { switchName: 'tor-1', portName: 'Ethernet1/3' }],
  ])('splits %s at the first slash', (name, parts) => {
    expect(parseSwitchPort(name)).toEqual({ name, ...parts });
  });

  it.each([['p1'], ['/p1'], ['tor-1/'], ['tor 1/p1'], [''], [42]])('refuses %j', (name) => {
    expect(() => parseSwitchPort(name)).toThrow(InvalidParameterValueError);
    expect(() => parseSwitchPort(name)).toThrow(/must be named <switch>\/<port>/);
  });
});

describe('provisioningVlans', () => {
  it('is an access port on the provisioning VLAN', () => {
    expect(provisioningVlans({ provisioningVlan: 4094 })).toEqual({ mode: 'access', nativeVlan: 4094, allowedVlans: [4094] });
  });

  it.each([[0], [4095], [-1], [1.5], ['10'], [null], [undefined]])('refuses VLAN %j', (vlan) => {
    expect(() => provisioningVlans({ provisioningVlan: vlan as number })).toThrow(InvalidParameterValueError);
  });

  it('refuses a configuration that is not an object', () => {
    expect(() => provisioningVlans(null as never)).toThrow('The provisioning port configuration must be an object, got null.');
  });
});

describe('productionVlans', () => {
  it.each([
    [{ allowedVlans: [30] }, { mode: 'access', nativeVlan: 30, allowedVlans: [30] }],
    [{ nativeVlan: 30, allowedVlans: [30, 30] }, { mode: 'access', nativeVlan: 30, allowedVlans: [30] }],
    [{ allowedVlans: [40, 30] }, { mode: 'trunk', allowedVlans: [30, 40] }],
    [{ nativeVlan: 40, allowedVlans: [40, 30, 1, 4094] }, { mode: 'trunk', nativeVlan: 40, allowedVlans: [1, 30, 40, 4094] }],
  ])('normalises %j', (config, expected) => {
    expect(productionVlans(config)).toEqual(expected);
  });

  it.each([
    [{ allowedVlans: [] }, 'allowedVlans must list at least one VLAN id, got [].'],
    [{ allowedVlans: 30 }, 'allowedVlans must list at least one VLAN id, got 30.'],
    [{ allowedVlans: [30, 5000] }, 'allowedVlans[1] must be a VLAN id from 1 to 4094, got 5000.'],
    [{ nativeVlan: 0, allowedVlans: [30] }, 'nativeVlan must be a VLAN id from 1 to 4094, got 0.'],
    [{ nativeVlan: 20, allowedVlans: [30, 40] }, 'nativeVlan 20 must be one of allowedVlans (30, 40).'],
  ])('refuses %j', (config, message) => {
    expect(() => productionVlans(config as never)).toThrow(new InvalidParameterValueError(message));
  });
});
