import { DEFAULT_DRIVER_CONFIG, DriverRegistry, RAID_LOGICAL_DISK_PROPERTIES } from '@slipway/drivers-framework';
import { registerFakeDrivers } from '@slipway/drivers-fake';
import { DriverNotFoundError } from '@slipway/errors';
import { driverProperties, driverRaidLogicalDiskProperties, RpcHandlerMap } from '@slipway/rpc';
import { DriverInfoHandler } from './driver-info.handler';

describe('DriverInfoHandler', () => {
  const context = { host: 'c1', method: '', correlationId: 'test', version: '1.0' };
  let handlers: RpcHandlerMap;

  beforeEach(() => {
    const registry = new DriverRegistry();
    registerFakeDrivers(registry);
    registry.load({ ...DEFAULT_DRIVER_CONFIG, enabledHardwareTypes: ['fake-hardware', 'manual-management'] });
    handlers = new DriverInfoHandler(registry).register(new RpcHandlerMap());
  });

  const call = (method: string, driverName: string) => (handlers.get(method) as NonNullable<ReturnType<RpcHandlerMap['get']>>).handle({ driverName }, context);

  it('answers the driver properties of a loaded hardware type', async () => {
    const properties = (await call(driverProperties.name, 'fake-hardware')) as Record<string, string>;

    expect(Object.keys(properties).sort()).toEqual(['fake_delay', 'fake_fail']);
    expect(driverProperties.response?.safeParse(properties).success).toBe(true);
  });

  it('answers the logical disk properties of the default RAID interface, also a no-op one', async () => {
    const fake = await call(driverRaidLogicalDiskProperties.name, 'fake-hardware');
    const manual = await call(driverRaidLogicalDiskProperties.name, 'manual-management');

    expect(fake).toEqual(RAID_LOGICAL_DISK_PROPERTIES);
    expect(manual).toEqual(RAID_LOGICAL_DISK_PROPERTIES);
  });

  it('answers DriverNotFound for a hardware type this conductor has not loaded', async () => {
    await expect(call(driverProperties.name, 'redfish')).rejects.toBeInstanceOf(DriverNotFoundError);
    await expect(call(driverRaidLogicalDiskProperties.name, 'redfish')).rejects.toBeInstanceOf(DriverNotFoundError);
  });
});
