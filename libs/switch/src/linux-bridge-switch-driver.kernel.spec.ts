// The linux-bridge driver against the real kernel: a network namespace with a bridge and veth
// members, made here and deleted afterwards. It asserts what this machine's kernel does: plain
// bridges work, bridge VLAN filtering does not (it lacks CONFIG_BRIDGE_VLAN_FILTERING), so the
// driver must read membership and link state for real and refuse every VLAN operation with the
// precise error. On a kernel with VLAN filtering the last assertions fail on purpose: the suite
// then needs the VLAN round trips the conformance suite runs over a simulated iproute2.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DriverOperationError } from '@slipway/errors';
import { LinuxBridgeSwitchDriver } from './linux-bridge-switch-driver.interface';
import { SwitchPortNotFoundError } from './switch-port-not-found.error';

const NS = `slipway-switch-${process.pid}-${randomBytes(3).toString('hex')}`;
const ip = (...args: string[]) => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const operState = (ifname: string) => (JSON.parse(ip('-n', NS, '-j', 'link', 'show', 'dev', ifname)) as Array<{ operstate: string }>)[0]?.operstate;

let created = false;

beforeAll(async () => {
  ip('netns', 'add', NS);
  created = true;
  ip('-n', NS, 'link', 'add', 'br0', 'type', 'bridge');
  for (const port of ['p1', 'p2']) {
    ip('-n', NS, 'link', 'add', port, 'type', 'veth', 'peer', 'name', `${port}-peer`);
    ip('-n', NS, 'link', 'set', port, 'master', 'br0');
  }
  for (const link of ['br0', 'p1', 'p1-peer']) ip('-n', NS, 'link', 'set', link, 'up');
  for (let attempt = 0; operState('p1') !== 'UP' && attempt < 50; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
});

afterAll(() => {
  if (created) ip('netns', 'del', NS);
});

const driver = (bridge = 'br0', namespace = NS) => new LinuxBridgeSwitchDriver({ switches: { 'tor-1': { namespace, bridge } } });

const KERNEL_ERROR = new DriverOperationError({
  driver: 'linux-bridge',
  reason: `the kernel does not support bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING): "ip link set dev br0 type bridge vlan_filtering 1" in network namespace ${NS} answered "RTNETLINK answers: Operation not supported"`,
});

describe('LinuxBridgeSwitchDriver on this kernel', () => {
  it('reads a member port that is up: its bridge, admin and oper state, and no VLANs (the bridge does not filter)', async () => {
    expect(await driver().interrogatePort('tor-1/p1')).toEqual({
      port: 'tor-1/p1',
      adminState: 'up',
      operState: 'up',
      vlanFiltering: false,
      bridge: 'br0',
      mode: 'access',
      allowedVlans: [],
    });
  });

  it('reads a member port that is down', async () => {
    expect(await driver().interrogatePort('tor-1/p2')).toMatchObject({ adminState: 'down', operState: 'down', bridge: 'br0' });
  });

  it('answers SwitchPortNotFound for an interface outside the bridge and for one that does not exist', async () => {
    await expect(driver().interrogatePort('tor-1/p1-peer')).rejects.toThrow(new SwitchPortNotFoundError({ port: 'tor-1/p1-peer', reason: 'p1-peer is not a member of bridge br0' }));
    await expect(driver().interrogatePort('tor-1/p7')).rejects.toThrow(new SwitchPortNotFoundError({ port: 'tor-1/p7', reason: `network namespace ${NS} has no interface p7` }));
  });

  it('fails validate_network_services with the precise kernel error, and the bridge stays unfiltered', async () => {
    await expect(driver().validateNetworkServices()).rejects.toThrow(KERNEL_ERROR);
    expect(ip('-n', NS, '-d', '-j', 'link', 'show', 'dev', 'br0')).toContain('"vlan_filtering":0');
  });

  it('refuses to configure a port with the same error and leaves the port as it was', async () => {
    const before = await driver().interrogatePort('tor-1/p1');
    await expect(driver().configurePortProvisioning('tor-1/p1', { provisioningVlan: 100 })).rejects.toThrow(KERNEL_ERROR);
    await expect(driver().configurePortProduction('tor-1/p1', { nativeVlan: 100, allowedVlans: [100, 200] })).rejects.toThrow(KERNEL_ERROR);
    expect(await driver().interrogatePort('tor-1/p1')).toEqual(before);
  });

  it('names a bridge that does not exist and a namespace that does not', async () => {
    await expect(driver('br9').validateNetworkServices()).rejects.toThrow(`switch tor-1: br9 in network namespace ${NS} does not exist`);
    await expect(driver('br0', `${NS}-gone`).validateNetworkServices()).rejects.toThrow(
      `network namespace ${NS}-gone cannot be entered: Cannot open network namespace "${NS}-gone": No such file or directory`,
    );
  });
});
