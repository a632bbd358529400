import type { ConductorInterfaceRow, ConductorRepository, LiveConductor } from '@slipway/db';
import { DriverNotFoundError, UnsupportedDriverExtensionError } from '@slipway/errors';
import { driverProperties, driverRaidLogicalDiskProperties, type RpcTransport } from '@slipway/rpc';
import type { ConductorRouter } from '../routing/conductor-router';
import { DriversService } from './drivers.service';

/** A fake that fails on any member the test did not plan. */
function strict<T extends object>(planned: Partial<T>, what: string): T {
  return new Proxy(planned as T, {
    get(target, key) {
      if (key in target) return target[key as keyof T];
      throw new Error(`unexpected ${what} call: ${String(key)}`);
    },
  });
}

const TIMEOUT = 10;
const context = { baseUrl: 'http://api', minor: 82 };
const live: LiveConductor[] = [
  { hostname: 'c2', conductorGroup: '', hardwareTypes: ['redfish', 'fake-hardware'] },
  { hostname: 'c1', conductorGroup: 'rack', hardwareTypes: ['redfish'] },
];
const row = (hardwareType: string, interfaceType: string, interfaceName: string, isDefault: boolean): ConductorInterfaceRow => ({ hardwareType, interfaceType, interfaceName, isDefault });

describe('DriversService', () => {
  let listLive: jest.Mock;
  let listLiveInterfaces: jest.Mock;
  let anyConductorFor: jest.Mock;
  let call: jest.Mock;
  let service: DriversService;

  beforeEach(() => {
    listLive = jest.fn().mockResolvedValue(live);
    listLiveInterfaces = jest.fn().mockResolvedValue([row('redfish', 'power', 'redfish', true), row('fake-hardware', 'power', 'fake', true)]);
    anyConductorFor = jest.fn().mockResolvedValue('c2');
    call = jest.fn();
    service = new DriversService(
      strict<ConductorRepository>({ listLive, listLiveInterfaces }, 'repository'),
      TIMEOUT,
      strict<ConductorRouter>({ anyConductorFor }, 'router'),
      strict<RpcTransport>({ call }, 'transport'),
    );
  });

  it('lists the hardware types of live conductors by name, each with its sorted hosts', async () => {
    const { drivers } = await service.list({}, context);

    expect(drivers.map((d) => [d.name, d.hosts])).toEqual([
      ['fake-hardware', ['c2']],
      ['redfish', ['c1', 'c2']],
    ]);
    expect(listLive).toHaveBeenCalledWith(TIMEOUT);
    expect(listLiveInterfaces).not.toHaveBeenCalled();
  });

  it('reads the interface rows once for a detailed list, and gives each driver its own', async () => {
    const { drivers } = await service.list({ detail: 'true' }, context);

    expect(listLiveInterfaces).toHaveBeenCalledTimes(1);
    expect(listLiveInterfaces).toHaveBeenCalledWith(['fake-hardware', 'redfish'], TIMEOUT);
    expect(drivers.map((d) => d.enabled_power_interfaces)).toEqual([['fake'], ['redfish']]);
  });

  it('lists no classic drivers, without reading the database', async () => {
    expect(await service.list({ type: 'classic' }, context)).toEqual({ drivers: [] });
    expect(listLive).not.toHaveBeenCalled();
  });

  it('shows one driver in detail, and answers DriverNotFound for one no live conductor serves', async () => {
    const shown = await service.show('redfish', undefined, context);

    expect(shown).toMatchObject({ name: 'redfish', hosts: ['c1', 'c2'], type: 'dynamic', default_power_interface: 'redfish' });
    expect(listLiveInterfaces).toHaveBeenCalledWith(['redfish'], TIMEOUT);
    await expect(service.show('ipmi', undefined, context)).rejects.toThrow(new DriverNotFoundError({ driverName: 'ipmi' }));
  });

  it('asks a conductor serving the hardware type for its properties', async () => {
    call.mockResolvedValue({ fake_delay: 'Seconds.' });

    expect(await service.properties('fake-hardware')).toEqual({ fake_delay: 'Seconds.' });
    expect(anyConductorFor).toHaveBeenCalledWith('fake-hardware');
    expect(call).toHaveBeenCalledWith('c2', driverProperties, { driverName: 'fake-hardware' });
  });

  it('passes on the routing error when no conductor serves the driver', async () => {
    anyConductorFor.mockRejectedValue(new DriverNotFoundError({ driverName: 'nope' }));

    await expect(service.properties('nope')).rejects.toBeInstanceOf(DriverNotFoundError);
    expect(call).not.toHaveBeenCalled();
  });

  it('asks for RAID logical disk properties from 1.12 and turns an unsupported RAID into 404', async () => {
    call.mockResolvedValueOnce({ size_gb: 'Size.' });
    expect(await service.raidLogicalDiskProperties('redfish', context)).toEqual({ size_gb: 'Size.' });
    expect(call).toHaveBeenCalledWith('c2', driverRaidLogicalDiskProperties, { driverName: 'redfish' });

    await expect(service.raidLogicalDiskProperties('redfish', { ...context, minor: 11 })).rejects.toMatchObject({ httpStatus: 406 });

    call.mockRejectedValueOnce(new UnsupportedDriverExtensionError({ driver: 'redfish', extension: 'raid' }));
    await expect(service.raidLogicalDiskProperties('redfish', context)).rejects.toMatchObject({ httpStatus: 404, message: expect.stringContaining('does not support raid') });
  });
});
