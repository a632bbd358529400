import { DriverRegistry, DEFAULT_DRIVER_CONFIG } from '@slipway/drivers-framework';
import { fakeRegistry } from './__fixtures__/fake-task.fixture';
import { registerFakeDrivers } from './register-fake-drivers';

describe('registerFakeDrivers with the default config', () => {
  const { registry } = fakeRegistry();

  it('gives fake-hardware nodes the fakes everywhere but network and storage (noop)', () => {
    expect(registry.resolveInterfaces({ driver: 'fake-hardware' })).toEqual({
      bios: 'fake',
      boot: 'fake',
      console: 'fake',
      deploy: 'fake',
      firmware: 'fake',
      inspect: 'fake',
      management: 'fake',
      network: 'noop',
      power: 'fake',
      raid: 'fake',
      rescue: 'fake',
      storage: 'noop',
      vendor: 'fake',
    });
  });

  it('gives manual-management nodes noop management and fake power, and lets them pick fake management', () => {
    const resolved = registry.resolveInterfaces({ driver: 'manual-management' });
    expect(resolved).toMatchObject({ management: 'noop', power: 'fake', bios: 'no-bios', raid: 'no-raid', vendor: 'no-vendor', network: 'noop' });
    expect(registry.resolveInterfaces({ driver: 'manual-management', managementInterface: 'fake' }).management).toBe('fake');
    expect(() => registry.resolveInterfaces({ driver: 'manual-management', raidInterface: 'fake' })).toThrow(/does not support the raid interface implementation 'fake'/);
  });

  it('lets fake-hardware use any enabled implementation, as Ironic does', () => {
    expect(registry.resolveInterfaces({ driver: 'fake-hardware', managementInterface: 'noop' }).management).toBe('noop');
  });

  it('documents the fake knobs as driver properties', () => {
    expect(Object.keys(registry.driverProperties('fake-hardware')).sort()).toEqual(['fake_delay', 'fake_fail']);
  });

  it('registers rows for both hardware types', () => {
    const rows = registry.registrationRows();
    expect(new Set(rows.map((row) => row.hardwareType))).toEqual(new Set(['fake-hardware', 'manual-management']));
    expect(rows).toContainEqual({ hardwareType: 'manual-management', interfaceType: 'management', interfaceName: 'noop', default: true });
    expect(rows).toContainEqual({ hardwareType: 'manual-management', interfaceType: 'management', interfaceName: 'fake', default: false });
    expect(registry.driverInfoFor('fake-hardware').enabled_storage_interfaces).toEqual(['fake', 'noop']);
  });

  it('does not register anything twice into the same registry', () => {
    const again = new DriverRegistry();
    registerFakeDrivers(again);
    expect(() => registerFakeDrivers(again)).toThrow(/both register/);
    expect(() => again.load(DEFAULT_DRIVER_CONFIG)).not.toThrow();
  });
});
