import { FakeSwitchDriver } from './fake-switch-driver.interface';
import { LinuxBridgeSwitchDriver } from './linux-bridge-switch-driver.interface';
import { createSwitchDriver } from './switch-driver-factory';

describe('createSwitchDriver', () => {
  it('drives no switch with noop', async () => {
    expect(await createSwitchDriver({ driver: 'noop', switches: [] })).toBeNull();
  });

  it('builds fake switches whose every port exists', async () => {
    const driver = await createSwitchDriver({ driver: 'fake', switches: ['tor-1', 'tor-2'] });
    expect(driver).toBeInstanceOf(FakeSwitchDriver);
    expect(await driver?.interrogatePort('tor-2/swp1')).toMatchObject({ port: 'tor-2/swp1', allowedVlans: [1] });
  });

  it('builds linux-bridge switches from <switch>=<namespace>:<bridge>', async () => {
    expect(await createSwitchDriver({ driver: 'linux-bridge', switches: ['tor-1=lab-tor1:br0'] })).toBeInstanceOf(LinuxBridgeSwitchDriver);
  });

  it.each([
    [{ driver: 'noop', switches: ['tor-1'] }, 'The noop switch driver is misconfigured: switches are listed, but the noop driver drives none: choose fake or linux-bridge.'],
    [{ driver: 'fake', switches: [] }, 'The fake switch driver needs at least one port or switch.'],
    [{ driver: 'fake', switches: ['tor-1=ns:br0'] }, 'The fake switch driver is misconfigured: fake switches are written by name only, got tor-1=ns:br0.'],
    [{ driver: 'linux-bridge', switches: [] }, 'The linux-bridge switch driver is misconfigured: switches must name at least one switch.'],
    [
      { driver: 'linux-bridge', switches: ['tor-1', 'tor-2=ns:br0', 'tor-2=ns:br1'] },
      'The linux-bridge switch driver is misconfigured: "tor-1" must be <switch>=<namespace>:<bridge>; switch tor-2 is listed twice.',
    ],
    [
      { driver: 'linux-bridge', switches: ['tor-1=ns:a-bridge-name-too-long'] },
      'The linux-bridge switch driver is misconfigured: switches.tor-1.bridge must be an interface name (1 to 15 letters, digits, "_", "." or "-"), got "a-bridge-name-too-long".',
    ],
  ] as const)('refuses %j', async (config, message) => {
    await expect(createSwitchDriver(config)).rejects.toThrow(message);
  });
});
