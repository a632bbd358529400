import type { DesignProblem } from '../model/design-document';
import { compileYaml, designDoc, lineWith, nodeDoc } from './__fixtures__/design-yaml.fixture';

const summary = (problems: readonly DesignProblem[]) => problems.map(({ document, field, line }) => ({ document, field, line }));

describe('compileSiteDesign: ingest defaults', () => {
  it('fills bonding, trunking and DNS defaults by mode', () => {
    const { design, problems } = compileYaml(
      [
        designDoc('NetworkLink', 'plain', 'mtu: 1500'),
        designDoc('NetworkLink', 'backup', 'bonding: {mode: active-backup, mon_rate: 50}'),
        designDoc('NetworkLink', 'lacp', 'bonding: {mode: 802.3ad, peer_rate: slow}'),
        designDoc('Network', 'bare', 'cidr: 10.9.0.0/24'),
      ].join(''),
      { base: false },
    );
    expect(problems).toEqual([]);
    const links = Object.fromEntries(design.networkLinks.map((link) => [link.name, link]));
    expect(links.plain.bonding).toEqual({ mode: 'disabled' });
    expect(links.plain.trunking).toEqual({ mode: 'disabled' });
    expect(links.backup.bonding).toEqual({ mode: 'active-backup', mon_rate: 50, up_delay: 200, down_delay: 200 });
    expect(links.lacp.bonding).toEqual({ mode: '802.3ad', hash: 'layer3+4', peer_rate: 'slow', mon_rate: 100, up_delay: 200, down_delay: 200 });
    expect(design.networks[0]).toEqual({ name: 'bare', labels: {}, cidr: '10.9.0.0/24', ranges: [], dns: { domain: 'local' }, routes: [] });
  });

  it('fills filesystem defaults (ext4, "defaults") and reads a partition volume_group from volume_group', () => {
    const profile = designDoc(
      'HostProfile',
      'p',
      `storage:
  physical_devices:
    sda:
      partitions:
        - {name: root, size: 20g, filesystem: {mountpoint: /}}
        - {name: pv, size: '>1g', volume_group: vg0}
  volume_groups:
    vg0:
      logical_volumes:
        - {name: lv, size: 10%, filesystem: {mountpoint: /srv}}`,
    );
    const { design, problems } = compileYaml(`${profile}${nodeDoc('n1', 'p')}`);
    expect(problems).toEqual([]);
    const storage = design.nodes[0].storage;
    expect(storage.physical_devices.sda.partitions).toEqual([
      { name: 'root', size: '20g', labels: {}, filesystem: { mountpoint: '/', fstype: 'ext4', mount_options: 'defaults' } },
      { name: 'pv', size: '>1g', volume_group: 'vg0', labels: {} },
    ]);
    expect(storage.volume_groups.vg0.logical_volumes[0].filesystem).toEqual({ mountpoint: '/srv', fstype: 'ext4', mount_options: 'defaults' });
  });

  it('takes labels from metadata.labels and data.labels; signaling defaults to on; a pkg_list mapping is the package list', () => {
    const action = designDoc(
      'BootAction',
      'ba',
      `assets:
  - {type: pkg_list, data: {curl: null, vim: '2:8.0-1'}}
  - {type: file, path: /etc/motd, data: hello, permissions: '644'}`,
    );
    const { design, problems } = compileYaml(action);
    expect(problems).toEqual([]);
    expect(design.racks.find((rack) => rack.name === 'r1')?.labels).toEqual({ zone: 'a' });
    expect(design.bootActions[0]).toEqual({
      name: 'ba',
      labels: {},
      signaling: true,
      assets: [
        { type: 'pkg_list', location_pipeline: [], data_pipeline: [], package_list: { curl: null, vim: '2:8.0-1' } },
        { type: 'file', path: '/etc/motd', data: 'hello', location_pipeline: [], data_pipeline: [], permissions: '644' },
      ],
    });
  });

  it('renders routes to a routedomain into routes to the other networks of the domain', () => {
    const network = (name: string, third: number) =>
      designDoc('Network', name, `cidr: 10.${third}.0.0/24\nroutedomain: storage\nroutes:\n  - {routedomain: storage, gateway: 10.${third}.0.1, metric: 10}`);
    const { design, problems } = compileYaml(`${network('s1', 1)}${network('s2', 2)}${network('s3', 3)}`, { base: false });
    expect(problems).toEqual([]);
    expect(design.networks[0].routes).toEqual([
      { subnet: '10.2.0.0/24', gateway: '10.1.0.1', metric: 10 },
      { subnet: '10.3.0.0/24', gateway: '10.1.0.1', metric: 10 },
    ]);
  });
});

describe('compileSiteDesign: the node hardware profile', () => {
  const profile = designDoc(
    'HostProfile',
    'p',
    `hardware_profile: hw
interfaces:
  bond0: {device_link: gp, slaves: [nic1, eno2], networks: [mgmt]}
storage:
  physical_devices:
    disk1: {partitions: [{name: root, size: 20g}]}
    sdb: {volume_group: vg}
platform:
  kernel_params:
    isolcpus: hardwareprofile:cpuset.rt
    hugepagesz: hardwareprofile:hugepages.big.size
    hugepages: hardwareprofile:hugepages.big.count
    console: ttyS0`,
  );

  it('resolves pci aliases of slaves, scsi aliases of disks and kernel parameter references', () => {
    const { design, problems } = compileYaml(`${profile}${nodeDoc('n1', 'p')}`);
    expect(problems).toEqual([]);
    const [node] = design.nodes;
    expect(node.interfaces.bond0.slave_selectors).toEqual([
      { selector_type: 'address', address: '0000:01:00.0', alias: 'nic1', dev_type: 'X710' },
      { selector_type: 'name', address: 'eno2' },
    ]);
    expect(node.storage.physical_devices.disk1.selector).toEqual({ selector_type: 'address', address: '2:0.0.0', alias: 'disk1' });
    expect(node.storage.physical_devices.sdb.selector).toEqual({ selector_type: 'name', address: 'sdb' });
    expect(node.platform.kernel_params).toEqual({ isolcpus: '2-3', hugepagesz: '1G', hugepages: 8, console: 'ttyS0' });
    // The profile keeps its references: they are resolved per node.
    expect(design.hostProfiles[0].platform.kernel_params.isolcpus).toBe('hardwareprofile:cpuset.rt');
  });

  it('reports references the hardware profile cannot resolve, at the node, naming where they came from', () => {
    const { problems, text } = compileYaml(
      `${profile}${nodeDoc('n1', 'p', 'platform:\n  kernel_params:\n    isolcpus: hardwareprofile:cpuset.nope\n    hugepages: hardwareprofile:hugepages.big.pages')}${nodeDoc('n2', undefined, 'platform:\n  kernel_params: {isolcpus: "hardwareprofile:cpuset.rt"}')}`,
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      `BaremetalNode/n1: data.platform.kernel_params.isolcpus names CPU set 'nope', which HardwareProfile/hw does not define (site.yaml line ${lineWith(text, 'cpuset.nope')})`,
      `BaremetalNode/n1: data.platform.kernel_params.hugepages 'hardwareprofile:hugepages.big.pages' must end in .size or .count (site.yaml line ${lineWith(text, 'big.pages')})`,
      `BaremetalNode/n2: data.platform.kernel_params.isolcpus references the hardware profile, but the node has none (site.yaml line ${lineWith(text, 'kernel_params: {isolcpus')})`,
    ]);
    const inherited = compileYaml(`${profile.replace('hugepages.big.count', 'hugepages.small.count')}${nodeDoc('n1', 'p')}`);
    expect(inherited.problems.map((problem) => problem.message)).toEqual([
      `BaremetalNode/n1: data.platform.kernel_params.hugepages (inherited from HostProfile/p, line ${lineWith(inherited.text, 'small.count')}) names hugepages 'small', which HardwareProfile/hw does not define (site.yaml line ${lineWith(inherited.text, 'name: n1') - 3})`,
    ]);
  });
});

describe('compileSiteDesign: bad input', () => {
  it('reports every dangling reference, naming the document, the field and the line', () => {
    const profile = designDoc(
      'HostProfile',
      'p',
      `host_profile: ghost
hardware_profile: nohw
primary_network: nonet
oob: {type: ipmi, network: nooob}
interfaces:
  bond0: {device_link: nolink, networks: [mgmt, '!gone']}
metadata: {rack: r9}`,
    );
    const link = designDoc('NetworkLink', 'l', 'trunking: {mode: 802.1q, default_network: nonative}\nallowed_networks: [mgmt, noallowed]');
    const { problems, warnings, design, text } = compileYaml(`${profile}${link}${nodeDoc('n1', 'p', 'addressing:\n  - {address: 10.0.1.5, network: noaddr}')}`);
    const at = (needle: string) => `(site.yaml line ${lineWith(text, needle)})`;
    expect(problems.map((problem) => problem.message)).toEqual([
      `HostProfile/p: data.host_profile names HostProfile 'ghost', which is not defined ${at('ghost')}`,
      `HostProfile/p: data.hardware_profile names HardwareProfile 'nohw', which is not defined ${at('nohw')}`,
      `HostProfile/p: data.primary_network names Network 'nonet', which is not defined ${at('nonet')}`,
      `HostProfile/p: data.oob.network names Network 'nooob', which is not defined ${at('nooob')}`,
      `HostProfile/p: data.interfaces.bond0.device_link names NetworkLink 'nolink', which is not defined ${at('nolink')}`,
      `HostProfile/p: data.interfaces.bond0.networks[1] names Network 'gone', which is not defined ${at('gone')}`,
      `NetworkLink/l: data.allowed_networks[1] names Network 'noallowed', which is not defined ${at('noallowed')}`,
      `NetworkLink/l: data.trunking.default_network names Network 'nonative', which is not defined ${at('nonative')}`,
      `BaremetalNode/n1: data.addressing[0].network names Network 'noaddr', which is not defined ${at('noaddr')}`,
    ]);
    expect(summary(problems)[0]).toEqual({ document: 'HostProfile/p', field: 'host_profile', line: lineWith(text, 'ghost') });
    // A rack is free text in Drydock, and its own samples name racks they do not define: a warning.
    expect(summary(warnings)).toEqual([{ document: 'HostProfile/p', field: 'metadata.rack', line: lineWith(text, 'r9') }]);
    expect(warnings[0].message).toBe(`HostProfile/p: data.metadata.rack names Rack 'r9', which is not defined ${at('r9')}`);
    // The design is still built as far as it goes.
    expect(design.nodes.map((node) => node.name)).toEqual(['n1']);
    expect(design.nodes[0].primary_network).toBe('nonet');
  });

  it('reports a cycle in profile inheritance once, naming it, and still compiles the profiles', () => {
    const a = designDoc('HostProfile', 'a', 'host_profile: b\nplatform: {image: a}');
    const b = designDoc('HostProfile', 'b', 'host_profile: c\nplatform: {kernel: b}');
    const c = designDoc('HostProfile', 'c', 'host_profile: a\nmetadata: {tags: [c]}');
    const self = designDoc('HostProfile', 'self', 'host_profile: self');
    const { problems, design, text } = compileYaml(`${a}${b}${c}${self}${nodeDoc('n1', 'a')}`);
    expect(problems.map((problem) => problem.message)).toEqual([
      `HostProfile/a: data.host_profile makes an inheritance cycle: a → b → c → a (site.yaml line ${lineWith(text, 'host_profile: b')})`,
      `HostProfile/self: data.host_profile makes an inheritance cycle: self → self (site.yaml line ${lineWith(text, 'host_profile: self')})`,
    ]);
    expect(summary(problems)[0]).toEqual({ document: 'HostProfile/a', field: 'host_profile', line: lineWith(text, 'host_profile: b') });
    expect(design.hostProfiles.map((profile) => profile.name)).toEqual(['a', 'b', 'c', 'self']);
    expect(design.nodes[0].platform).toMatchObject({ image: 'a', kernel: 'b' });
  });

  it('reports a second document of a kind and name, and a second Region', () => {
    const { problems, design, text } = compileYaml(
      [
        designDoc('Region', 'site', 'authorized_keys: []'),
        designDoc('Network', 'mgmt', 'cidr: 192.168.0.0/24'),
        designDoc('Region', 'other', 'authorized_keys: []'),
        designDoc('HostProfile', 'mgmt', '{}'),
      ].join(''),
    );
    const start = (name: string, after?: string) => lineWith(text, `name: ${name}`, after) - 3;
    expect(problems.map((problem) => problem.message)).toEqual([
      `Network/mgmt: the name is already used by the Network at site.yaml line ${start('mgmt')} (site.yaml line ${start('mgmt', 'name: site')})`,
      `Region/other: a site has one Region, and Region/site is defined at site.yaml line ${start('site')} (site.yaml line ${start('other')})`,
    ]);
    expect(design.networks.find((network) => network.name === 'mgmt')?.cidr).toBe('10.0.1.0/24');
    expect(design.region?.name).toBe('site');
  });

  it('still compiles a node whose addressing does not fit the schema, so its other problems show', () => {
    const { parsed, problems, design } = compileYaml(designDoc('BaremetalNode', 'n1', 'hardware_profile: nohw\naddressing: []'));
    expect(parsed.problems.map((problem) => problem.field)).toEqual(['addressing']);
    expect(problems.map((problem) => problem.field)).toEqual(['hardware_profile']);
    expect(design.nodes[0]).toMatchObject({ name: 'n1', hardware_profile: 'nohw', addressing: [] });
  });
});
