import { InvalidParameterValueError } from '@slipway/errors';
import type { BaremetalNode, Network, NetworkLink, Rack } from '@slipway/site';
import { nodePortPlan, siteNetworkTemplate, switchVlan } from './design-port-plan';

const rack: Rack = { name: 'rack1', labels: {}, tor_switches: { 'tor-1': {}, 'tor-2': {} }, location: {}, local_networks: [] };

const network = (name: string, fields: Partial<Network> = {}): Network => ({ name, labels: {}, cidr: '10.0.0.0/24', ranges: [], dns: { domain: 'local' }, routes: [], ...fields });
const NETWORKS: Network[] = [
  network('pxe', { labels: { switch_vlan: '10' }, ranges: [{ type: 'dhcp', start: '10.0.0.100', end: '10.0.0.200' }] }),
  network('mgmt', { vlan: '100' }),
  network('storage', { vlan: 200 }),
];

const link = (name: string, trunking: NetworkLink['trunking'], allowed: string[]): NetworkLink => ({ name, labels: {}, bonding: { mode: 'disabled' }, trunking, allowed_networks: allowed });
const LINKS: NetworkLink[] = [
  link('pxe', { mode: 'disabled', default_network: 'pxe' }, ['pxe']),
  link('data', { mode: '802.1q', default_network: 'mgmt' }, ['mgmt', 'storage']),
];

type NodePart = Pick<BaremetalNode, 'name' | 'labels' | 'interfaces' | 'metadata'>;
const node = (labels: Record<string, string>, interfaces: NodePart['interfaces'] = INTERFACES): NodePart => ({
  name: 'n01',
  labels,
  interfaces,
  metadata: { tags: [], owner_data: {}, rack: 'rack1' },
});
const INTERFACES: NodePart['interfaces'] = {
  pxe: { device_link: 'pxe', slaves: ['eno1'], networks: ['pxe'] },
  bond0: { device_link: 'data', slaves: ['eno2', 'eno3'], networks: ['mgmt', 'storage'] },
};
const PORTS = { 'switch_port.pxe': 'tor-1/swp1', 'switch_port.bond0': 'tor-1/swp2,tor-2/swp2' };
const design = (fields: { networks?: Network[]; networkLinks?: NetworkLink[] } = {}) => ({ racks: [rack], networks: NETWORKS, networkLinks: LINKS, ...fields });

describe('nodePortPlan', () => {
  it('puts the provisioning interface on its dhcp network’s VLAN and every port on its link’s VLANs for production', () => {
    expect(nodePortPlan(node(PORTS), design())).toEqual({
      provisioningNetwork: 'pxe',
      ports: [
        { node: 'n01', interface: 'bond0', link: 'data', port: 'tor-1/swp2', production: { allowedVlans: [100, 200], nativeVlan: 100 } },
        { node: 'n01', interface: 'bond0', link: 'data', port: 'tor-2/swp2', production: { allowedVlans: [100, 200], nativeVlan: 100 } },
        { node: 'n01', interface: 'pxe', link: 'pxe', port: 'tor-1/swp1', production: { allowedVlans: [10] }, provisioning: { provisioningVlan: 10 } },
      ],
    });
  });

  it('has nothing to plan for a node without switch_port labels, even with a broken network', () => {
    expect(nodePortPlan(node({}), design({ networks: [] }))).toEqual({ ports: [] });
  });

  it('makes a trunk without a native VLAN when the 802.1q link has no default network', () => {
    const links = [LINKS[0], link('data', { mode: '802.1q' }, ['mgmt', 'storage'])];
    expect(nodePortPlan(node({ 'switch_port.bond0': 'tor-1/swp2' }), design({ networkLinks: links })).ports[0].production).toEqual({ allowedVlans: [100, 200] });
  });

  it('leaves provisioning out when no interface is on a dhcp network', () => {
    const networks = [network('pxe', { vlan: 10 }), ...NETWORKS.slice(1)];
    const plan = nodePortPlan(node(PORTS), design({ networks }));
    expect(plan.provisioningNetwork).toBeUndefined();
    expect(plan.ports.filter((port) => port.provisioning !== undefined)).toEqual([]);
  });

  it('reports every mistake at once', () => {
    const networks = [network('pxe', { ranges: [{ type: 'dhcp', start: '10.0.0.100', end: '10.0.0.200' }] }), network('mgmt', { vlan: '100' }), network('storage', { vlan: 5000 })];
    const interfaces = { ...INTERFACES, eth9: { slaves: ['eno9'], networks: [] } };
    expect(() => nodePortPlan(node(PORTS), design({ networks }))).toThrow(
      new InvalidParameterValueError(
        'The design cannot say what the switch ports of node n01 carry: ' +
          'network pxe has no VLAN for the switch (give it a vlan, or the label switch_vlan when its hosts use it untagged); ' +
          'network storage: vlan 5000 is not a VLAN id from 1 to 4094.',
      ),
    );
    expect(() => nodePortPlan(node({ 'switch_port.eth9': 'tor-2/swp9' }, interfaces), design())).toThrow(
      'The design cannot say what the switch ports of node n01 carry: interface eth9 has a switch port but no device_link.',
    );
  });

  it('refuses an ambiguous provisioning interface and a link whose access VLAN is unknown', () => {
    const interfaces = { ...INTERFACES, pxe2: { device_link: 'pxe', slaves: ['eno4'], networks: ['pxe'] } };
    expect(() => nodePortPlan(node(PORTS, interfaces), design())).toThrow(/several interfaces on networks with a dhcp range \(pxe: pxe, pxe2: pxe\)/);
    const links = [link('pxe', { mode: 'disabled' }, ['pxe', 'mgmt']), LINKS[1]];
    expect(() => nodePortPlan(node(PORTS), design({ networkLinks: links }))).toThrow(/network link pxe has no trunking and no default_network/);
    expect(() => nodePortPlan(node(PORTS), design({ networkLinks: [LINKS[0]] }))).toThrow(/network link data is not defined/);
  });
});

describe('switchVlan', () => {
  it.each([
    [{ vlan: '100' }, 100],
    [{ vlan: 4094 }, 4094],
    [{ labels: { switch_vlan: ' 7 ' } }, 7],
    [{ vlan: 100, labels: { switch_vlan: '7' } }, 7],
  ])('reads %j as %s', (fields, vlan) => {
    expect(switchVlan({ name: 'n', labels: {}, ...fields })).toBe(vlan);
  });

  it.each([
    [{ vlan: '0' }, 'network n: vlan "0" is not a VLAN id from 1 to 4094'],
    [{ labels: { switch_vlan: 'ten' } }, 'network n: label switch_vlan "ten" is not a VLAN id from 1 to 4094'],
  ])('refuses %j', (fields, problem) => {
    expect(switchVlan({ name: 'n', labels: {}, ...fields })).toEqual({ problem });
  });
});

describe('siteNetworkTemplate', () => {
  it('sums up the ports, switches and VLANs of every node, and names each node the design gets wrong', () => {
    const nodes = [
      { ...node(PORTS), name: 'n01' },
      { ...node({ 'switch_port.pxe': 'tor-2/swp1' }), name: 'n02' },
      { ...node({}), name: 'n03' },
      { ...node({ 'switch_port.pxe': 'tor-9/swp1' }), name: 'n04' },
    ] as BaremetalNode[];
    expect(siteNetworkTemplate({ ...design(), nodes })).toEqual({
      nodes: 2,
      ports: 4,
      switches: ['tor-1', 'tor-2'],
      vlans: [10, 100, 200],
      problems: ['Node n04 names its switch ports wrongly: label switch_port.pxe: "tor-9/swp1": tor-9 is not a ToR switch of the rack (tor-1, tor-2).'],
    });
  });
});
