import { DriverOperationError } from '@slipway/errors';
import {
  BRIDGE_VLAN_SHOW_ALL,
  BRIDGE_VLAN_SHOW_DEFAULT,
  BRIDGE_VLAN_SHOW_LEGACY,
  BRIDGE_VLAN_SHOW_NONE,
  BRIDGE_VLAN_SHOW_RANGES,
  IP_LINK_SHOW,
  IP_LINK_SHOW_FILTERING,
} from './__fixtures__/iproute2-output.fixture';
import { parseBridgeVlanShow, parseIpLinkShow, portVlansOf } from './iproute2-json';

describe('parseIpLinkShow', () => {
  it('reads flags, oper state, master, kind and bridge VLAN filtering from real output', () => {
    expect(parseIpLinkShow(IP_LINK_SHOW)).toEqual([
      { ifname: 'lo', adminUp: false, operState: 'DOWN' },
      { ifname: 'br0', adminUp: true, operState: 'UP', kind: 'bridge', vlanFiltering: false },
      { ifname: 'p1-peer', adminUp: true, operState: 'UP', kind: 'veth' },
      { ifname: 'p1', adminUp: true, operState: 'UP', master: 'br0', kind: 'veth' },
      { ifname: 'p2-peer', adminUp: false, operState: 'DOWN', kind: 'veth' },
      { ifname: 'p2', adminUp: false, operState: 'DOWN', master: 'br0', kind: 'veth' },
    ]);
    expect(parseIpLinkShow(IP_LINK_SHOW_FILTERING).find((link) => link.ifname === 'br0')?.vlanFiltering).toBe(true);
  });

  it.each([['not json'], ['{"ifname":"p1"}'], ['[{"mtu":1500}]']])('refuses %s as unexpected output', (stdout) => {
    expect(() => parseIpLinkShow(stdout)).toThrow(DriverOperationError);
    expect(() => parseIpLinkShow(stdout)).toThrow(/unexpected output of "ip -j -d link show"/);
  });
});

describe('parseBridgeVlanShow', () => {
  it('reads every port of the current layout, with PVID and Egress Untagged flags', () => {
    const ports = parseBridgeVlanShow(BRIDGE_VLAN_SHOW_ALL);
    expect([...ports.keys()]).toEqual(['br0', 'p1', 'p2', 'p3']);
    expect(ports.get('p2')).toEqual([
      { vid: 200, pvid: true, untagged: true },
      { vid: 300, pvid: false, untagged: false },
      { vid: 4094, pvid: false, untagged: false },
    ]);
  });

  it('expands compressed ranges (vlanEnd)', () => {
    expect(parseBridgeVlanShow(BRIDGE_VLAN_SHOW_RANGES).get('p1')?.map((entry) => entry.vid)).toEqual([10, 20, 21, 22, 23]);
  });

  it('reads the older layout keyed by interface name', () => {
    expect(parseBridgeVlanShow(BRIDGE_VLAN_SHOW_LEGACY).get('p2')).toEqual([
      { vid: 100, pvid: true, untagged: false },
      { vid: 200, pvid: false, untagged: false },
    ]);
  });

  it('reads no VLANs from the empty answers', () => {
    expect(parseBridgeVlanShow(BRIDGE_VLAN_SHOW_NONE).size).toBe(0);
    expect(parseBridgeVlanShow('').size).toBe(0);
  });

  it.each([['[{"ifname":"p1","vlans":[{"vlan":"1"}]}]'], ['[{"ifname":"p1","vlans":[{"vlan":5,"vlanEnd":4}]}]'], ['[{"vlans":[]}]'], ['7']])('refuses %s', (stdout) => {
    expect(() => parseBridgeVlanShow(stdout)).toThrow(/unexpected output of "bridge -j vlan show"/);
  });
});

describe('portVlansOf', () => {
  const ports = parseBridgeVlanShow(BRIDGE_VLAN_SHOW_ALL);

  it.each([
    ['an access port', 'p1', { mode: 'access', nativeVlan: 100, allowedVlans: [100] }],
    ['a trunk with a native VLAN', 'p2', { mode: 'trunk', nativeVlan: 200, allowedVlans: [200, 300, 4094] }],
    ['a tagged-only trunk', 'p3', { mode: 'trunk', allowedVlans: [300, 301] }],
  ])('reads %s', (_label, port, expected) => {
    expect(portVlansOf(ports.get(port)!)).toEqual(expected);
  });

  it('reads a new member as access on the default VLAN 1, and a port without VLANs as access on none', () => {
    expect(portVlansOf(parseBridgeVlanShow(BRIDGE_VLAN_SHOW_DEFAULT).get('p1')!)).toEqual({ mode: 'access', nativeVlan: 1, allowedVlans: [1] });
    expect(portVlansOf([])).toEqual({ mode: 'access', allowedVlans: [] });
  });

  it('reads a single tagged VLAN as a trunk', () => {
    expect(portVlansOf([{ vid: 7, pvid: false, untagged: false }])).toEqual({ mode: 'trunk', allowedVlans: [7] });
  });
});
