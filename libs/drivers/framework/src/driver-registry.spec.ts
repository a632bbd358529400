import {
  DriverLoadError,
  DriverNotFoundError,
  IncompatibleInterfaceError,
  InterfaceNotFoundInEntrypointError,
  InternalError,
  NoValidDefaultForInterfaceError,
} from '@slipway/errors';
import {
  AltPowerInterface,
  PermissiveHardware,
  SampleBiosInterface,
  SampleBootInterface,
  SampleDeployInterface,
  SampleHardware,
  SampleManagementInterface,
  SamplePowerInterface,
  SampleStorageInterface,
  ThirdPowerInterface,
} from './__fixtures__/sample-drivers.fixture';
import type { DriverConfig } from './driver-config';
import { DriverRegistry } from './driver-registry';
import { HardwareType } from './hardware-type';

function registry(): DriverRegistry {
  const r = new DriverRegistry();
  for (const impl of [SamplePowerInterface, AltPowerInterface, ThirdPowerInterface]) r.registerInterface(impl);
  r.registerInterface(SampleBootInterface);
  r.registerInterface(SampleDeployInterface);
  r.registerInterface(SampleManagementInterface);
  r.registerInterface(SampleBiosInterface);
  r.registerInterface(SampleStorageInterface);
  r.registerHardwareType(new SampleHardware());
  r.registerHardwareType(new PermissiveHardware());
  return r;
}

function config(overrides: Partial<DriverConfig> = {}): DriverConfig {
  return { enabledHardwareTypes: ['sample-hardware', 'permissive-hardware'], enabledInterfaces: {}, defaultInterfaces: {}, ...overrides };
}

function loaded(overrides: Partial<DriverConfig> = {}): DriverRegistry {
  return registry().load(config(overrides));
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('interface selection', () => {
  it('keeps a valid choice of the node', () => {
    expect(loaded().resolveInterfaces({ driver: 'sample-hardware', powerInterface: 'alt' }).power).toBe('alt');
  });

  it('refuses a name that is not enabled, listing the enabled ones', () => {
    const error = caught(() =>
      loaded({ enabledInterfaces: { power: ['sample'] } }).resolveInterfaces({ driver: 'sample-hardware', powerInterface: 'alt' }),
    );
    expect(error).toBeInstanceOf(InterfaceNotFoundInEntrypointError);
    expect((error as InterfaceNotFoundInEntrypointError).details).toEqual({ entrypoint: 'ironic.hardware.interfaces.power', iface: 'alt', valid: ['sample'] });
    expect((error as InterfaceNotFoundInEntrypointError).httpStatus).toBe(400);
  });

  it('refuses an unknown name the same way', () => {
    expect(() => loaded().resolveInterfaces({ driver: 'sample-hardware', powerInterface: 'nope' })).toThrow(InterfaceNotFoundInEntrypointError);
  });

  it('refuses an enabled implementation that the hardware type does not support', () => {
    const error = caught(() =>
      loaded({ enabledInterfaces: { power: ['sample', 'alt', 'third'] } }).resolveInterfaces({ driver: 'sample-hardware', powerInterface: 'third' }),
    );
    expect(error).toBeInstanceOf(IncompatibleInterfaceError);
    expect((error as IncompatibleInterfaceError).details).toEqual({ interfaceType: 'power', interfaceImpl: 'third', hardwareType: 'sample-hardware' });
  });

  it('lets a permissive hardware type use any enabled implementation', () => {
    const r = loaded({ enabledInterfaces: { power: ['sample', 'third'] } });
    expect(r.resolveInterfaces({ driver: 'permissive-hardware', powerInterface: 'third' }).power).toBe('third');
  });

  it('uses the configured default when the node names none', () => {
    expect(loaded({ defaultInterfaces: { power: 'alt' } }).resolveInterfaces({ driver: 'sample-hardware' }).power).toBe('alt');
  });

  it('refuses to load when a configured default is not supported by an enabled hardware type', () => {
    const error = caught(() => loaded({ enabledInterfaces: { power: ['sample', 'third'] }, defaultInterfaces: { power: 'third' } }));
    expect(error).toBeInstanceOf(NoValidDefaultForInterfaceError);
    expect((error as NoValidDefaultForInterfaceError).details).toEqual({ driver: 'sample-hardware', interfaceType: 'power', node: undefined });
  });

  it('otherwise takes the first supported implementation that is enabled, in the hardware type order', () => {
    const only = ['sample-hardware'];
    expect(loaded({ enabledHardwareTypes: only, enabledInterfaces: { power: ['alt', 'sample'] } }).resolveInterfaces({ driver: 'sample-hardware' }).power).toBe(
      'sample',
    );
    expect(loaded({ enabledHardwareTypes: only, enabledInterfaces: { power: ['alt'] } }).resolveInterfaces({ driver: 'sample-hardware' }).power).toBe('alt');
  });

  it('refuses to load when a hardware type has no usable implementation of a type', () => {
    const error = caught(() => loaded({ enabledInterfaces: { power: ['third'] } }));
    expect(error).toBeInstanceOf(NoValidDefaultForInterfaceError);
    expect((error as Error).message).toContain('sample-hardware');
  });

  it('defaults storage to noop like Ironic, and falls back to the order when noop is disabled', () => {
    expect(loaded().resolveInterfaces({ driver: 'sample-hardware' }).storage).toBe('noop');
    const sampleOnly = loaded({ enabledHardwareTypes: ['sample-hardware'], enabledInterfaces: { storage: ['sample'] } });
    expect(sampleOnly.resolveInterfaces({ driver: 'sample-hardware' }).storage).toBe('sample');
  });

  it('gives optional types the no-op implementation when the hardware type lists none', () => {
    const resolved = loaded().resolveInterfaces({ driver: 'sample-hardware' });
    expect(resolved).toEqual({
      bios: 'sample',
      boot: 'sample',
      console: 'no-console',
      deploy: 'sample',
      firmware: 'no-firmware',
      inspect: 'no-inspect',
      management: 'sample',
      network: 'noop',
      power: 'sample',
      raid: 'no-raid',
      rescue: 'no-rescue',
      storage: 'noop',
      vendor: 'no-vendor',
    });
  });

  it('applies instance_info overrides when building a driver, and checks them', () => {
    const r = loaded();
    const driver = r.buildDriver({ driver: 'sample-hardware', powerInterface: 'sample', instanceInfo: { power_interface: 'alt' } });
    expect(driver.interfaceNames.power).toBe('alt');
    expect(driver.power).toBeInstanceOf(AltPowerInterface);
    expect(r.resolveInterfaces({ driver: 'sample-hardware', powerInterface: 'sample', instanceInfo: { power_interface: 'alt' } }).power).toBe('sample');
    expect(() => r.buildDriver({ driver: 'sample-hardware', instanceInfo: { power_interface: 'third' } })).toThrow(InterfaceNotFoundInEntrypointError);
  });

  it('answers DriverNotFound for a hardware type that is unknown or not enabled', () => {
    const r = loaded({ enabledHardwareTypes: ['sample-hardware'] });
    expect(() => r.buildDriver({ driver: 'permissive-hardware' })).toThrow(DriverNotFoundError);
    expect(() => r.resolveInterfaces({ driver: 'ghost' })).toThrow(DriverNotFoundError);
    expect(r.hardwareTypes().map((t) => t.name)).toEqual(['sample-hardware']);
  });
});

describe('DriverRegistry', () => {
  it('builds one instance per implementation, shared by all nodes', () => {
    const r = loaded();
    const a = r.buildDriver({ uuid: 'a', driver: 'sample-hardware' });
    const b = r.buildDriver({ uuid: 'b', driver: 'permissive-hardware' });
    expect(a.power).toBe(b.power);
    expect(a.hardwareType.name).toBe('sample-hardware');
    expect(a.network.constructor.name).toBe('NoopNetworkInterface');
  });

  it('names both classes when an interface name is registered twice', () => {
    const r = registry();
    class OtherSample extends SamplePowerInterface {}
    const error = caught(() => r.registerInterface(OtherSample));
    expect(error).toBeInstanceOf(DriverLoadError);
    expect((error as Error).message).toContain('OtherSample and SamplePowerInterface both register power interface sample');
  });

  it('names both classes when a hardware type is registered twice', () => {
    const r = registry();
    class SampleCopy extends SampleHardware {}
    expect(() => r.registerHardwareType(new SampleCopy())).toThrow(/SampleCopy and SampleHardware both register hardware type sample-hardware/);
  });

  it('lists every config problem in one error', () => {
    const error = caught(() =>
      registry().load({
        enabledHardwareTypes: ['sample-hardware', 'redfish', 'ipmi'],
        enabledInterfaces: { power: ['sample', 'redfish'] },
        defaultInterfaces: { power: 'alt' },
      }),
    );
    expect(error).toBeInstanceOf(DriverLoadError);
    const message = (error as Error).message;
    expect(message).toContain('hardware type redfish is not registered');
    expect(message).toContain('hardware type ipmi is not registered');
    expect(message).toContain('power interface redfish is not registered');
    expect(message).toContain('default_power_interface alt is not in enabled_power_interfaces');
  });

  it('refuses a config without hardware types and keys that are not interface types', () => {
    expect(() => registry().load(config({ enabledHardwareTypes: [] }))).toThrow(/no hardware type is enabled/);
    expect(() => registry().load(config({ enabledInterfaces: { pwr: ['sample'] } as never }))).toThrow(/pwr is not an interface type/);
  });

  it('enables, for power and management left out of the config, all the enabled hardware types support', () => {
    const r = loaded({ enabledHardwareTypes: ['sample-hardware'] });
    expect(r.enabledInterfaces('power')).toEqual(['sample', 'alt']);
    expect(r.enabledInterfaces('management')).toEqual(['sample', 'noop']);
    expect(r.enabledInterfaces('console')).toEqual(['no-console']);
  });

  it("enables Ironic's default names that are registered, plus each hardware type's first choice only", () => {
    class PxeBoot extends SampleBootInterface {
      static override readonly interfaceName = 'pxe';
    }
    class SecondBios extends SampleBiosInterface {
      static override readonly interfaceName = 'second';
    }
    class SecondBiosHardware extends HardwareType {
      readonly name = 'second-bios-hardware';
      readonly supportedInterfaces = { ...new SampleHardware().supportedInterfaces, bios: [SecondBios, SampleBiosInterface] };
    }
    const r = registry();
    r.registerInterface(PxeBoot);
    r.registerInterface(SecondBios);
    r.registerHardwareType(new SecondBiosHardware());
    r.load(config({ enabledHardwareTypes: ['sample-hardware', 'second-bios-hardware'] }));
    // Ironic's boot default is ipxe, pxe, redfish-virtual-media: only pxe is registered here.
    expect(r.enabledInterfaces('boot')).toEqual(['pxe', 'sample']);
    // no-bios from Ironic's list, then sample (sample-hardware's first) and second (the other's).
    expect(r.enabledInterfaces('bios')).toEqual(['no-bios', 'sample', 'second']);
    expect(r.enabledInterfaces('deploy')).toEqual(['sample']);
    expect(r.defaultInterfaces('sample-hardware').boot).toBe('sample');
  });

  it('enables exactly the configured list, which may leave out a hardware type default', () => {
    const r = loaded({ enabledHardwareTypes: ['sample-hardware'], enabledInterfaces: { bios: ['no-bios'] } });
    expect(r.enabledInterfaces('bios')).toEqual(['no-bios']);
    expect(r.defaultInterfaces('sample-hardware').bios).toBe('no-bios');
  });

  it('refuses registrations after load and use before load', () => {
    const r = registry();
    expect(() => r.hardwareTypes()).toThrow(InternalError);
    r.load(config());
    expect(() => r.registerInterface(ThirdPowerInterface)).toThrow(DriverLoadError);
    expect(() => r.load(config())).toThrow(InternalError);
  });

  it('produces conductor_hardware_interfaces rows with the default marked', () => {
    const rows = loaded({ enabledHardwareTypes: ['sample-hardware'] }).registrationRows();
    expect(rows.filter((row) => row.interfaceType === 'power')).toEqual([
      { hardwareType: 'sample-hardware', interfaceType: 'power', interfaceName: 'sample', default: true },
      { hardwareType: 'sample-hardware', interfaceType: 'power', interfaceName: 'alt', default: false },
    ]);
    expect(rows.filter((row) => row.default)).toHaveLength(13);
  });

  it('describes a hardware type for GET /v1/drivers/{name}', () => {
    const info = loaded().driverInfoFor('sample-hardware');
    expect(info.default_power_interface).toBe('sample');
    expect(info.enabled_power_interfaces).toEqual(['sample', 'alt']);
    expect(info.default_storage_interface).toBe('noop');
    expect(info.enabled_storage_interfaces).toEqual(['sample', 'noop']);
    expect(() => loaded().driverInfoFor('ghost')).toThrow(DriverNotFoundError);
  });

  it('reports the driver_info keys of the default implementations', () => {
    expect(loaded({ defaultInterfaces: { bios: 'no-bios' } }).driverProperties('sample-hardware')).toEqual({
      sample_address: 'Where the sample BMC listens. Required.',
      sample_kernel: 'Kernel to boot. Optional.',
    });
    expect(loaded().driverProperties('sample-hardware')).toHaveProperty('sample_bios_password');
  });

  it('can start without the built-in no-op implementations', () => {
    const r = new DriverRegistry({ builtins: false });
    r.registerInterface(SamplePowerInterface);
    r.registerInterface(SampleBootInterface);
    r.registerInterface(SampleDeployInterface);
    r.registerInterface(SampleManagementInterface);
    r.registerHardwareType(new PermissiveHardware());
    expect(() => r.load(config({ enabledHardwareTypes: ['permissive-hardware'] }))).toThrow(NoValidDefaultForInterfaceError);
  });
});
