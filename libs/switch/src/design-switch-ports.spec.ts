import { InvalidParameterValueError } from '@slipway/errors';
import type { BaremetalNode, Rack } from '@slipway/site';
import { nodeSwitchPorts } from './design-switch-ports';

const rack = (name: string, switches: string[]): Rack => ({
  name,
  labels: {},
  tor_switches: Object.fromEntries(switches.map((sw) => [sw, { mgmt_ip: '10.0.0.1' }])),
  location: {},
  local_networks: [],
});
const RACKS = [rack('rack1', ['tor-1a', 'tor-1b']), rack('rack2', ['tor-2']), rack('rack3', [])];

type NodePart = Pick<BaremetalNode, 'name' | 'labels' | 'interfaces' | 'metadata'>;
const node = (labels: Record<string, string>, rackName: string | null = 'rack1'): NodePart => ({
  name: 'n01',
  labels,
  interfaces: {
    pxe: { device_link: 'pxe-rack1', slaves: ['eno1'], networks: ['pxe'] },
    bond0: { device_link: 'gp', slaves: ['enp1s0f0', 'enp1s0f1'], networks: ['mgmt', 'private'] },
  },
  metadata: { tags: [], owner_data: {}, ...(rackName === null ? {} : { rack: rackName }) },
});

describe('nodeSwitchPorts', () => {
  it('reads switch_port labels: <switch>/<port>, ports with slashes, and a bond on two switches', () => {
    expect(nodeSwitchPorts(node({ 'switch_port.pxe': 'tor-1a/Ethernet1/3', 'switch_port.bond0': 'tor-1a/Ethernet1/4, tor-1b/Ethernet1/4', role: 'worker' }), RACKS)).toEqual([
      { node: 'n01', interface: 'bond0', link: 'gp', port: 'tor-1a/Ethernet1/4' },
      { node: 'n01', interface: 'bond0', link: 'gp', port: 'tor-1b/Ethernet1/4' },
      { node: 'n01', interface: 'pxe', link: 'pxe-rack1', port: 'tor-1a/Ethernet1/3' },
    ]);
  });

  it('takes the rack’s only ToR switch when a label names just the port', () => {
    expect(nodeSwitchPorts(node({ 'switch_port.pxe': 'swp3' }, 'rack2'), RACKS)).toEqual([{ node: 'n01', interface: 'pxe', link: 'pxe-rack1', port: 'tor-2/swp3' }]);
  });

  it('has no ports without labels, whatever the rack', () => {
    expect(nodeSwitchPorts(node({}, null), RACKS)).toEqual([]);
  });

  it('lists every mistake at once', () => {
    const labels = { 'switch_port.pxe': 'swp3', 'switch_port.eth9': 'tor-1a/1', 'switch_port.bond0': 'tor-9/1,tor-1a/,tor-1a/1' };
    expect(() => nodeSwitchPorts(node(labels), RACKS)).toThrow(
      new InvalidParameterValueError(
        'Node n01 names its switch ports wrongly: label switch_port.bond0: "tor-9/1": tor-9 is not a ToR switch of the rack (tor-1a, tor-1b); ' +
          'label switch_port.bond0: "tor-1a/" has no port after the switch; label switch_port.eth9 names interface eth9, which the node does not have; ' +
          'label switch_port.eth9: port tor-1a/1 is named twice; label switch_port.pxe: "swp3" must be <switch>/<port>: the rack has 2 ToR switches (tor-1a, tor-1b).',
      ),
    );
  });

  it.each([
    [null, 'it has switch_port labels but no metadata.rack'],
    ['rack9', 'its rack rack9 is not defined'],
    ['rack3', 'its rack rack3 has no tor_switches'],
  ])('refuses labels on a node whose rack is %s', (rackName, problem) => {
    expect(() => nodeSwitchPorts(node({ 'switch_port.pxe': 'tor-1a/1' }, rackName), RACKS)).toThrow(`Node n01 names its switch ports wrongly: ${problem}.`);
  });
});
