import { DriverOperationError, InvalidParameterValueError } from '@slipway/errors';
import { RecordingCommandRunner, SimulatedIproute2Runner } from './__fixtures__/command-runners.fixture';
import { BRIDGE_VLAN_SHOW_ALL, BRIDGE_VLAN_SHOW_DEFAULT, IP_LINK_SHOW, IP_LINK_SHOW_FILTERING } from './__fixtures__/iproute2-output.fixture';
import { LinuxBridgeSwitchDriver } from './linux-bridge-switch-driver.interface';
import { SwitchPortNotFoundError } from './switch-port-not-found.error';
import { describeSwitchDriverConformance } from './switch-driver.conformance';

const NS = 'sw-ns';
const SWITCHES = { 'tor-1': { namespace: NS, bridge: 'br0' } };
const inNs = (...argv: string[]) => ['ip', 'netns', 'exec', NS, ...argv];
const LINKS = inNs('ip', '-j', '-d', 'link', 'show');
const ENABLE_FILTERING = inNs('ip', 'link', 'set', 'dev', 'br0', 'type', 'bridge', 'vlan_filtering', '1');
const vlanShow = (port: string) => inNs('bridge', '-j', 'vlan', 'show', 'dev', port);
const add = (port: string, vid: number, ...flags: string[]) => inNs('bridge', 'vlan', 'add', 'dev', port, 'vid', String(vid), ...flags);
const del = (port: string, vid: number) => inNs('bridge', 'vlan', 'del', 'dev', port, 'vid', String(vid));

/** `bridge -j vlan show dev <port>` as iproute2 prints it: the sample's entry for that port alone. */
function vlansOf(port: string): string {
  const all = JSON.parse(BRIDGE_VLAN_SHOW_ALL) as Array<{ ifname: string }>;
  return `${JSON.stringify(all.filter((entry) => entry.ifname === port))}\n`;
}

function driverWith(answers: ConstructorParameters<typeof RecordingCommandRunner>[0]) {
  const runner = new RecordingCommandRunner(answers, NS);
  return { runner, driver: new LinuxBridgeSwitchDriver({ switches: SWITCHES }, runner) };
}

describeSwitchDriverConformance({
  name: 'linux-bridge (over a simulated iproute2)',
  create: async () => ({
    driver: new LinuxBridgeSwitchDriver({ switches: SWITCHES }, new SimulatedIproute2Runner(NS, 'br0', ['p1', 'p2'], ['eth9'])),
    ports: ['tor-1/p1', 'tor-1/p2'],
    unknownPort: 'tor-1/eth9',
  }),
});

describe('LinuxBridgeSwitchDriver commands', () => {
  it('makes a new member an access port: adds the provisioning VLAN as PVID untagged, then removes the default VLAN 1', async () => {
    const { driver, runner } = driverWith({ 'ip -j -d link show': { stdout: IP_LINK_SHOW_FILTERING }, 'bridge -j vlan show dev p1': { stdout: BRIDGE_VLAN_SHOW_DEFAULT } });
    await driver.configurePortProvisioning('tor-1/p1', { provisioningVlan: 100 });
    expect(runner.calls).toEqual([LINKS, vlanShow('p1'), add('p1', 100, 'pvid', 'untagged'), del('p1', 1)]);
  });

  it('turns VLAN filtering on first when the bridge does not filter yet', async () => {
    const { driver, runner } = driverWith({
      'ip -j -d link show': { stdout: IP_LINK_SHOW },
      'ip link set dev br0 type bridge vlan_filtering 1': {},
      'bridge -j vlan show dev p1': { stdout: BRIDGE_VLAN_SHOW_DEFAULT },
    });
    await driver.configurePortProvisioning('tor-1/p1', { provisioningVlan: 100 });
    expect(runner.calls).toEqual([LINKS, ENABLE_FILTERING, vlanShow('p1'), add('p1', 100, 'pvid', 'untagged'), del('p1', 1)]);
  });

  it('makes an access port a trunk: the native VLAN first, then the tagged ones, then the old VLAN goes', async () => {
    const { driver, runner } = driverWith({ 'ip -j -d link show': { stdout: IP_LINK_SHOW_FILTERING }, 'bridge -j vlan show dev p1': { stdout: vlansOf('p1') } });
    await driver.configurePortProduction('tor-1/p1', { nativeVlan: 300, allowedVlans: [4094, 300, 200] });
    expect(runner.calls).toEqual([LINKS, vlanShow('p1'), add('p1', 300, 'pvid', 'untagged'), add('p1', 200), add('p1', 4094), del('p1', 100)]);
  });

  it('makes a trunk tagged-only: keeps the VLANs already right, adds the new one, removes the native and the rest', async () => {
    const { driver, runner } = driverWith({ 'ip -j -d link show': { stdout: IP_LINK_SHOW_FILTERING }, 'bridge -j vlan show dev p2': { stdout: vlansOf('p2') } });
    await driver.configurePortProduction('tor-1/p2', { allowedVlans: [300, 301] });
    expect(runner.calls).toEqual([LINKS, vlanShow('p2'), add('p2', 301), del('p2', 200), del('p2', 4094)]);
  });

  it('makes a trunk an access port on its one production VLAN, which changes from tagged to PVID untagged', async () => {
    const { driver, runner } = driverWith({ 'ip -j -d link show': { stdout: IP_LINK_SHOW_FILTERING }, 'bridge -j vlan show dev p2': { stdout: vlansOf('p2') } });
    await driver.configurePortProduction('tor-1/p2', { allowedVlans: [300] });
    expect(runner.calls).toEqual([LINKS, vlanShow('p2'), add('p2', 300, 'pvid', 'untagged'), del('p2', 200), del('p2', 4094)]);
  });

  it('runs no VLAN command when the port already carries what is asked', async () => {
    const { driver, runner } = driverWith({ 'ip -j -d link show': { stdout: IP_LINK_SHOW_FILTERING }, 'bridge -j vlan show dev p2': { stdout: vlansOf('p2') } });
    await driver.configurePortProduction('tor-1/p2', { nativeVlan: 200, allowedVlans: [200, 300, 4094] });
    expect(runner.calls).toEqual([LINKS, vlanShow('p2')]);
  });

  it('interrogates a port from its link and its VLANs', async () => {
    const { driver, runner } = driverWith({ 'ip -j -d link show': { stdout: IP_LINK_SHOW_FILTERING }, 'bridge -j vlan show dev p2': { stdout: vlansOf('p2') } });
    expect(await driver.interrogatePort('tor-1/p2')).toEqual({
      port: 'tor-1/p2',
      adminState: 'down',
      operState: 'down',
      vlanFiltering: true,
      bridge: 'br0',
      mode: 'trunk',
      nativeVlan: 200,
      allowedVlans: [200, 300, 4094],
    });
    expect(runner.calls).toEqual([LINKS, vlanShow('p2')]);
  });

  it.each([
    ['an interface that is not a bridge member', 'tor-1/p1-peer', 'Switch port tor-1/p1-peer could not be found: p1-peer is not a member of bridge br0.'],
    ['an interface the namespace does not have', 'tor-1/p9', `Switch port tor-1/p9 could not be found: network namespace ${NS} has no interface p9.`],
    ['a name no Linux interface can have', 'tor-1/Ethernet1/1', `Switch port tor-1/Ethernet1/1 could not be found: network namespace ${NS} has no interface Ethernet1/1.`],
    ['a switch that is not configured', 'tor-2/p1', 'Switch port tor-2/p1 could not be found: no switch tor-2 is configured (tor-1).'],
  ])('answers SwitchPortNotFound for %s, before any VLAN command', async (_label, port, message) => {
    const { driver, runner } = driverWith({ 'ip -j -d link show': { stdout: IP_LINK_SHOW_FILTERING } });
    const failure = await driver.configurePortProvisioning(port, { provisioningVlan: 10 }).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(SwitchPortNotFoundError);
    expect((failure as Error).message).toBe(message);
    await expect(driver.interrogatePort(port)).rejects.toThrow(message);
    expect(runner.calls.every((argv) => argv.join(' ') === LINKS.join(' '))).toBe(true);
  });
});

describe('LinuxBridgeSwitchDriver failures', () => {
  const NOT_SUPPORTED = { exitCode: 2, stderr: 'RTNETLINK answers: Operation not supported\n' };

  it('says the kernel lacks VLAN filtering when turning it on is not supported', async () => {
    const { driver, runner } = driverWith({ 'ip -j -d link show': { stdout: IP_LINK_SHOW }, 'ip link set dev br0 type bridge vlan_filtering 1': NOT_SUPPORTED });
    const expected = new DriverOperationError({
      driver: 'linux-bridge',
      reason: `the kernel does not support bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING): "ip link set dev br0 type bridge vlan_filtering 1" in network namespace ${NS} answered "RTNETLINK answers: Operation not supported"`,
    });
    await expect(driver.validateNetworkServices()).rejects.toThrow(expected);
    await expect(driver.configurePortProvisioning('tor-1/p1', { provisioningVlan: 10 })).rejects.toThrow(expected);
    expect(runner.calls).toEqual([LINKS, ENABLE_FILTERING, LINKS, ENABLE_FILTERING]);
  });

  it('says the kernel lacks VLAN filtering when a VLAN command is not supported, and stops there', async () => {
    const { driver, runner } = driverWith({
      'ip -j -d link show': { stdout: IP_LINK_SHOW_FILTERING },
      'bridge -j vlan show dev p1': { stdout: BRIDGE_VLAN_SHOW_DEFAULT },
      'bridge vlan add dev p1 vid 10 pvid untagged': { exitCode: 255, stderr: NOT_SUPPORTED.stderr },
    });
    await expect(driver.configurePortProvisioning('tor-1/p1', { provisioningVlan: 10 })).rejects.toThrow(
      `the kernel does not support bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING): "bridge vlan add dev p1 vid 10 pvid untagged" in network namespace ${NS} answered "RTNETLINK answers: Operation not supported"`,
    );
    expect(runner.calls).toEqual([LINKS, vlanShow('p1'), add('p1', 10, 'pvid', 'untagged')]);
  });

  it('names a namespace that cannot be entered', async () => {
    const { driver } = driverWith({ 'ip -j -d link show': { exitCode: 255, stderr: `Cannot open network namespace "${NS}": No such file or directory\n` } });
    await expect(driver.validateNetworkServices()).rejects.toThrow(
      `Runtime failure in driver linux-bridge: network namespace ${NS} cannot be entered: Cannot open network namespace "${NS}": No such file or directory`,
    );
  });

  it('reports any other failure with the command, its exit code and its answer', async () => {
    const { driver } = driverWith({
      'ip -j -d link show': { stdout: IP_LINK_SHOW_FILTERING },
      'bridge -j vlan show dev p1': { exitCode: 1, stderr: 'Error: something odd.\nsecond line\n' },
    });
    await expect(driver.interrogatePort('tor-1/p1')).rejects.toThrow(
      `Runtime failure in driver linux-bridge: "bridge -j vlan show dev p1" in network namespace ${NS} exited with 1: Error: something odd. | second line`,
    );
  });

  it.each([
    [{ 'tor-1': { namespace: NS, bridge: 'br9' } }, `switch tor-1: br9 in network namespace ${NS} does not exist`],
    [{ 'tor-1': { namespace: NS, bridge: 'p1' } }, `switch tor-1: p1 in network namespace ${NS} is a veth interface, not a bridge`],
  ])('refuses network services whose bridge is missing or no bridge', async (switches, reason) => {
    const runner = new RecordingCommandRunner({ 'ip -j -d link show': { stdout: IP_LINK_SHOW } }, NS);
    await expect(new LinuxBridgeSwitchDriver({ switches }, runner).validateNetworkServices()).rejects.toThrow(new DriverOperationError({ driver: 'linux-bridge', reason }));
  });
});

describe('LinuxBridgeSwitchDriver configuration', () => {
  it('accepts a valid configuration', async () => {
    await expect(new LinuxBridgeSwitchDriver({ switches: SWITCHES }, new RecordingCommandRunner({})).validate()).resolves.toBeUndefined();
  });

  it('lists every problem of a bad configuration at once', async () => {
    const driver = new LinuxBridgeSwitchDriver({ switches: { 'tor/1': { namespace: 'ns 1', bridge: 'a-bridge-name-too-long' } } }, new RecordingCommandRunner({}));
    await expect(driver.validate()).rejects.toThrow(
      new InvalidParameterValueError(
        'The linux-bridge switch driver is misconfigured: switch name "tor/1" must be non-empty, without "/" or blanks; switches.tor/1.namespace must be a network namespace name, got "ns 1"; switches.tor/1.bridge must be an interface name (1 to 15 letters, digits, "_", "." or "-"), got "a-bridge-name-too-long".',
      ),
    );
    await expect(new LinuxBridgeSwitchDriver({ switches: {} }).validate()).rejects.toThrow('switches must name at least one switch');
  });
});
