import type { BaremetalNode } from '../model/site-design';
import { compileYaml, designDoc, nodeDoc } from './__fixtures__/design-yaml.fixture';
import { inheritDict, inheritList, inheritNamed, inheritScalar } from './inheritance';

const BASE_PROFILE = designDoc(
  'HostProfile',
  'base',
  `hardware_profile: hw
primary_network: mgmt
oob: {type: ipmi, network: oob, account: admin, credential: secret}
platform:
  image: xenial
  kernel: ga-16.04
  kernel_params: {console: ttyS1, quiet: true}
metadata:
  tags: [a, b]
  owner_data: {foo: bar, keep: x}
  rack: r1
interfaces:
  pxe:
    device_link: gp
    slaves: [nic1]
    networks: [mgmt]
  bond0:
    device_link: gp
    slaves: [nic1, nic2]
    networks: [mgmt, private]
    sriov: {vf_count: 4, trustmode: true}
storage:
  physical_devices:
    sda:
      labels: {role: root, speed: fast}
      partitions:
        - {name: root, size: 20g, bootable: true, filesystem: {mountpoint: /, fstype: xfs}}
        - {name: boot, size: 1g, filesystem: {mountpoint: /boot}}
        - {name: var, size: 10g}
    sdb:
      volume_group: data
  volume_groups:
    data:
      logical_volumes:
        - {name: logs, size: 5g, filesystem: {mountpoint: /var/log}}
        - {name: scratch, size: 1g}
    spare:
      vg_uuid: abc`,
);

function nodeOf(nodeData: string, extraDocuments = ''): BaremetalNode {
  const { problems, parsed, design } = compileYaml(`${BASE_PROFILE}${extraDocuments}${nodeDoc('n1', 'base', nodeData)}`);
  expect([...parsed.problems, ...problems]).toEqual([]);
  const node = design.nodes.find((candidate) => candidate.name === 'n1');
  if (node === undefined) throw new Error('node n1 was not compiled');
  return node;
}

describe('inheritance rules (§6.1)', () => {
  it('scalars: the child wins, "!" and -1 unset, absent inherits', () => {
    const node = nodeOf(`platform:
  image: bionic
  kernel: '!'
interfaces:
  bond0:
    sriov: {vf_count: -1}
oob: {type: redfish}`);
    expect(node.platform.image).toBe('bionic');
    expect(node.platform).not.toHaveProperty('kernel');
    expect(node.primary_network).toBe('mgmt');
    expect(node.hardware_profile).toBe('hw');
    expect(node.metadata.rack).toBe('r1');
    expect(node.oob).toEqual({ type: 'redfish', network: 'oob', account: 'admin', credential: 'secret' });
    // trustmode is inherited field by field; vf_count is unset by -1.
    expect(node.interfaces.bond0.sriov).toEqual({ trustmode: true });
  });

  it('lists: the child items, then the parent items not negated with "!item"', () => {
    const node = nodeOf(`metadata:
  tags: ['!a', c, b]
interfaces:
  bond0:
    networks: ['!private']`);
    expect(node.metadata.tags).toEqual(['c', 'b']);
    expect(node.interfaces.bond0.networks).toEqual(['mgmt']);
    expect(node.interfaces.bond0.slaves).toEqual(['nic1', 'nic2']);
  });

  it('dicts: parent keys not negated with "!key", then the child keys, which win', () => {
    const node = nodeOf(`metadata:
  owner_data: {'!foo': '', keep: y, new: z}
platform:
  kernel_params: {'!quiet': true, nosmt: true}
oob: {'!credential': x}`);
    expect(node.metadata.owner_data).toEqual({ keep: 'y', new: 'z' });
    expect(node.platform.kernel_params).toEqual({ console: 'ttyS1', nosmt: true });
    expect(node.oob).toEqual({ type: 'ipmi', network: 'oob', account: 'admin' });
  });

  it('named entries: merged by name field by field, "!name" (or null) removes, new ones are added', () => {
    const node = nodeOf(`interfaces:
  pxe: null
  '!bond0': {}
  bond1:
    device_link: gp
    slaves: [nic3]
storage:
  physical_devices:
    sda:
      labels: {'!speed': '', size: big}
      partitions:
        - {name: root, size: 30g, filesystem: {mountpoint: /}}
        - {name: '!var'}
        - {name: home, size: 5g}
    '!sdb': {}
  volume_groups:
    data:
      logical_volumes:
        - {name: logs, size: 8g}
        - {name: '!scratch'}
    spare: null`);
    expect(Object.keys(node.interfaces)).toEqual(['bond1']);
    expect(node.interfaces.bond1).toEqual({ device_link: 'gp', slaves: ['nic3'], networks: [], slave_selectors: [{ selector_type: 'name', address: 'nic3' }] });
    expect(Object.keys(node.storage.physical_devices)).toEqual(['sda']);
    const sda = node.storage.physical_devices.sda;
    expect(sda.labels).toEqual({ role: 'root', size: 'big' });
    expect(sda.partitions.map((partition) => partition.name)).toEqual(['root', 'boot', 'home']);
    // root: the size is the child's; the rest field by field from the parent (fstype xfs, not the ext4 default).
    expect(sda.partitions[0]).toEqual({
      name: 'root',
      size: '30g',
      bootable: true,
      labels: {},
      filesystem: { mountpoint: '/', fstype: 'xfs', mount_options: 'defaults' },
    });
    expect(node.storage.volume_groups).toEqual({
      data: { logical_volumes: [{ name: 'logs', size: '8g', filesystem: { mountpoint: '/var/log', fstype: 'ext4', mount_options: 'defaults' } }] },
    });
  });

  it('a chain of profiles applies parents first, whatever the order of the documents', () => {
    const top = designDoc('HostProfile', 'top', 'host_profile: middle\nplatform: {image: focal}\nmetadata: {tags: [top]}');
    const middle = designDoc('HostProfile', 'middle', "host_profile: base\nplatform: {kernel: hwe}\nmetadata: {tags: [middle, '!a']}");
    const { design, problems } = compileYaml(`${top}${nodeDoc('n1', 'top', 'metadata: {tags: [node]}')}${middle}${BASE_PROFILE}`);
    expect(problems).toEqual([]);
    const [node] = design.nodes;
    expect(node.platform).toMatchObject({ image: 'focal', kernel: 'hwe' });
    expect(node.metadata.tags).toEqual(['node', 'top', 'middle', 'b']);
    expect(node.host_profile).toBe('top');
    const profiles = Object.fromEntries(design.hostProfiles.map((profile) => [profile.name, profile]));
    expect(profiles.middle.platform).toMatchObject({ image: 'xenial', kernel: 'hwe' });
    expect(profiles.top.metadata.tags).toEqual(['top', 'middle', 'b']);
  });

  it('a MAC address is not inherited; markers are removed even without a parent', () => {
    const profile = designDoc('HostProfile', 'p', "metadata: {boot_mac: '00:11:22:33:44:55', tags: ['!x', y]}");
    const { design } = compileYaml(`${profile}${nodeDoc('n1', 'p')}`);
    expect(design.nodes[0].metadata).toEqual({ tags: ['y'], owner_data: {} });
    expect(design.hostProfiles[0].metadata.boot_mac).toBe('00:11:22:33:44:55');
  });
});

describe('inheritance helpers', () => {
  it('inheritScalar', () => {
    expect(inheritScalar('child', 'parent')).toBe('child');
    expect(inheritScalar(undefined, 'parent')).toBe('parent');
    expect(inheritScalar(null, 'parent')).toBe('parent');
    expect(inheritScalar('!', 'parent')).toBeUndefined();
    expect(inheritScalar(-1, 5)).toBeUndefined();
    expect(inheritScalar(0, 5)).toBe(0);
  });

  it('inheritList and inheritDict', () => {
    expect(inheritList(['x', '!y', 'x'], ['y', 'z', 'x'])).toEqual(['x', 'z']);
    expect(inheritList(undefined, ['a'])).toEqual(['a']);
    expect(inheritDict({ '!a': 1, b: 2 }, { a: 0, c: 3, b: 0 })).toEqual({ c: 3, b: 2 });
  });

  it('inheritNamed', () => {
    const merge = (name: string, child?: number, parent?: number) => `${name}:${child ?? '-'}/${parent ?? '-'}`;
    const merged = inheritNamed(
      [
        ['b', 20],
        ['!c', 0],
        ['d', null],
        ['e', 50],
      ],
      [
        ['a', 1],
        ['b', 2],
        ['c', 3],
        ['d', 4],
      ],
      merge,
    );
    expect(merged.map(([, value]) => value)).toEqual(['a:-/1', 'b:20/2', 'e:50/-']);
  });
});
