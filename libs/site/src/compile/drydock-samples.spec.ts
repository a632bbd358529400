import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedData } from '@slipway/test-data';
import { parseDesignYaml } from '../ingest/parse-design-yaml';
import type { DesignProblem } from '../model/design-document';
import { compileSiteDesign } from './compile-site-design';

// Every file of Drydock's own test designs (drydock-samples in the shared test data), by what this ingest makes of it.
const SAMPLES_DIR = sharedData('drydock-samples');

function load(file: string) {
  const parsed = parseDesignYaml(readFileSync(join(SAMPLES_DIR, file), 'utf8'), file);
  return { parsed, ...compileSiteDesign(parsed.documents) };
}

/** `document field @line: message` with the message's own document prefix and line suffix taken off. */
const brief = (problems: readonly DesignProblem[]) =>
  problems.map(({ document, field, line, message }) => {
    const text = (document !== undefined && message.startsWith(`${document}: `) ? message.slice(document.length + 2) : message).replace(/ \((\S+ )?line \d+\)$/, '');
    return `${document ?? '-'} ${field ?? '-'} @${line}: ${text}`;
  });

/** Whole sites that ingest and compile cleanly; the invalid_* among them break validation rules only. */
const VALID_SITES: Record<string, number> = {
  'deckhand_fullsite.yaml': 3,
  'deckhand_fullsite_bad_hugepages.yaml': 3,
  'deckhand_fullsite_nic_autodetect.yaml': 3,
  'deckhand_fullsite_no_nodes.yaml': 0,
  'deckhand_routedomain.yaml': 0,
  'deckhand_bootaction.yaml': 0,
  'fullsite.yaml': 2,
  'validation.yaml': 2,
  'partitions_without_mountpoints.yaml': 2,
  'storage_sizing.yaml': 2,
  'storage_partitioning_unassigned_partition.yaml': 2,
  'ip_locality_no_gateway.yaml': 2,
  'invalid_boot_storage_small.yaml': 2,
  'invalid_hugepages.yaml': 2,
  'invalid_kernel.yaml': 1,
  'invalid_mountpoint.yaml': 2,
  'invalid_network_cidr.yaml': 2,
  'invalid_rational_network_trunking.yaml': 2,
  'invalid_bootaction_pkg.yaml': 0,
};

/** Parts of a site: they parse cleanly, and what they name is in other files (so compiling one alone finds only missing documents). */
const FRAGMENTS = [
  'absent_bootaction.yaml',
  'baremetalNode.yaml',
  'baremetalNode2.yaml',
  'fullsite_profiles.yaml',
  'hardwareProfile.yaml',
  'hostProfile.yaml',
  'hostProfile2.yaml',
  'multidoc.yaml',
  'network.yaml',
  'network2.yaml',
  'network3.yaml',
  'network4.yaml',
  'network5.yaml',
  'networkLink.yaml',
  'networkLink2.yaml',
  'networkLink3.yaml',
  'rack.yaml',
  'region.yaml',
  'singledoc.yaml',
];

/** Files whose problems are in the YAML, the document envelope or the schema of `data` (parseDesignYaml). */
const PARSE_PROBLEMS: Record<string, string[]> = {
  'invalid.yaml': ['- - @3: YAML: the document has an empty key'],
  'unknown_kind.yaml': [
    'FooBar/Sample network definition - @8: YAML: metadata.name is given twice (the last one counts)',
    "FooBar/Sample network definition - @3: unknown kind 'FooBar' (the kinds are Region, Rack, NetworkLink, Network, HardwareProfile, HostProfile, BaremetalNode, BootAction)",
  ],
  'invalid_baremetalNode.yaml': [
    'BaremetalNode/controller01 addressing @10: data.addressing is required',
    'BaremetalNode/controller01 foo @11: data.foo is not a known field here',
  ],
  'invalid_baremetalNode2.yaml': [
    'BaremetalNode/compute01 addressing @10: data.addressing is required',
    'BaremetalNode/compute01 foo @11: data.foo is not a known field here',
  ],
  'invalid_hardwareProfile.yaml': ['HardwareProfile/HPGen9v3 foo @10: data.foo is not a known field here'],
  'invalid_hostProfile.yaml': ['HostProfile/defaults foo @14: data.foo is not a known field here'],
  'invalid_hostProfile2.yaml': ['HostProfile/k8-node storage.physical_devices.sdb @20: data.storage.physical_devices.sdb must be a mapping (got "invalid_device")'],
  'invalid_network.yaml': ['Network/oob cidr @10: data.cidr is required', 'Network/oob foo @11: data.foo is not a known field here'],
  'invalid_network2.yaml': ['Network/pxe cidr @10: data.cidr is required', 'Network/pxe foo @11: data.foo is not a known field here'],
  'invalid_network3.yaml': ['Network/mgmt cidr @10: data.cidr is required', 'Network/mgmt foo @11: data.foo is not a known field here'],
  'invalid_network4.yaml': ['Network/private cidr @10: data.cidr is required', 'Network/private foo @11: data.foo is not a known field here'],
  'invalid_network5.yaml': ['Network/public cidr @10: data.cidr is required', 'Network/public foo @11: data.foo is not a known field here'],
  'invalid_networkLink.yaml': ['NetworkLink/oob foo @11: data.foo is not a known field here'],
  'invalid_networkLink2.yaml': ['NetworkLink/gp foo @14: data.foo is not a known field here'],
  'invalid_networkLink3.yaml': ['NetworkLink/pxe foo @14: data.foo is not a known field here'],
  'invalid_rack.yaml': ['Rack/rack1 foo @11: data.foo is not a known field here'],
  'invalid_region.yaml': ['Region/sitename foo @10: data.foo is not a known field here'],
  'invalid_bootaction.yaml': [
    'BootAction/helloworld assets[0].data_pipeline[0] @18: data.assets[0].data_pipeline[0] must be one of base64_encode, template, base64_decode, utf8_encode, utf8_decode (got "foo")',
    'BootAction/helloworld assets[1].permissions @23: data.assets[1].permissions must be a string (got 600)',
    'BootAction/invalid_pkg_list assets[0].data @42: data.assets[0].data must be a string, or for pkg_list a mapping of package names to versions (strings)',
  ],
  'no_baremetal_node.yaml': ['BaremetalNode/controller01 - @318: data must be a mapping (got nothing)', 'BaremetalNode/compute01 - @343: data must be a mapping (got nothing)'],
  'no_duplicate_IPs_no_addressing.yaml': [
    'BaremetalNode/controller01 addressing[0] @325: data.addressing[0] must be a mapping (got nothing)',
    'BaremetalNode/compute01 addressing[0] @347: data.addressing[0] must be a mapping (got nothing)',
  ],
  'invalid_validation.yaml': ['BaremetalNode/controller01 addressing[1].address @352: YAML: data.addressing[1].address is given twice (the last one counts)'],
  // The oldest format (apiVersion v1.0, and hostprof.yaml): fields Drydock's v1 schemas no longer have.
  'fullsite_networks.yaml': ['pxe @120', 'mgmt @146', 'private @180', 'public @203'].map(
    (where) => `Network/${where.replace(' @', ' vlan_id @')}: data.vlan_id is not a known field here`,
  ),
  'fullsite_nodes.yaml': ['BaremetalNode/controller01 interfaces @33: data.interfaces must be a mapping (got a list)'],
  'hostprof.yaml': [
    ...['pxe @173', 'mgmt @205', 'private @238', 'public @261'].map((where) => `Network/${where.replace(' @', ' vlan_id @')}: data.vlan_id is not a known field here`),
    'HostProfile/defaults storage.layout @303: data.storage.layout is not a known field here',
    'HostProfile/defaults storage.bootdisk @305: data.storage.bootdisk is not a known field here',
    'HostProfile/defaults storage.physical_devices.name.partitions @317: data.storage.physical_devices.name.partitions must be a list (got a mapping)',
    'HostProfile/defaults storage.logical_volumes @329: data.storage.logical_volumes is not a known field here',
    'HostProfile/k8-node interfaces @378: data.interfaces must be a mapping (got a list)',
    'BaremetalNode/controller01 interfaces @419: data.interfaces must be a mapping (got a list)',
    'HardwareProfile/HPGen9v3 device_aliases @487: data.device_aliases must be a mapping (got a list)',
  ],
  'oob.yaml': [
    'HostProfile/defaults storage.layout @90: data.storage.layout is not a known field here',
    'HostProfile/defaults storage.bootdisk @92: data.storage.bootdisk is not a known field here',
    'HostProfile/defaults storage.partitions @102: data.storage.partitions is not a known field here',
    'HostProfile/defaults platform.kernel_params @118: data.platform.kernel_params must be a mapping (got "default")',
    'HostProfile/defaults metadata.introspection_url @122: data.metadata.introspection_url is not a known field here',
    'HardwareProfile/HPGen9v3 device_aliases @213: data.device_aliases must be a mapping (got a list)',
  ],
};

/** Files that parse cleanly but name documents that are not there (compileSiteDesign). */
const COMPILE_PROBLEMS: Record<string, string[]> = {
  'deckhand_fullsite_libvirt.yaml': ["BaremetalNode/compute01 addressing[3].network @301: data.addressing[3].network names Network 'oob', which is not defined"],
  'invalid_unique_network.yaml': ["HostProfile/k8-node interfaces.bond0.networks[2] @314: data.interfaces.bond0.networks[2] names Network 'foo', which is not defined"],
  'invalid_validation.yaml': ["BaremetalNode/controller01 addressing[1].network @348: data.addressing[1].network names Network 'invalid', which is not defined"],
};

describe('Drydock sample designs', () => {
  it('every sample file is covered here', () => {
    const known = new Set([...Object.keys(VALID_SITES), ...FRAGMENTS, ...Object.keys(PARSE_PROBLEMS), ...Object.keys(COMPILE_PROBLEMS), 'ip_locality_no_networks.yaml']);
    expect(readdirSync(SAMPLES_DIR).filter((file) => file.endsWith('.yaml') && !known.has(file))).toEqual([]);
  });

  it.each(Object.entries(VALID_SITES))('%s: no problems, %i nodes', (file, nodes) => {
    const { parsed, problems, warnings, design } = load(file);
    expect(parsed.problems).toEqual([]);
    expect(problems).toEqual([]);
    expect(design.nodes).toHaveLength(nodes);
    // Drydock's sites put nodes in racks they do not define: warnings only.
    for (const warning of warnings) expect(warning.message).toMatch(/data\.metadata\.rack names Rack '\w+', which is not defined/);
  });

  it.each(FRAGMENTS)('%s: parses cleanly; alone it only misses documents of other files', (file) => {
    const { parsed, problems } = load(file);
    expect(parsed.documents.length).toBeGreaterThan(0);
    expect(parsed.problems).toEqual([]);
    for (const problem of problems) expect(problem.message).toMatch(/ names \w+ '[^']+', which is not defined/);
  });

  it.each(Object.entries(PARSE_PROBLEMS))('%s: the ingest problems', (file, expected) => {
    expect(brief(load(file).parsed.problems)).toEqual(expected);
  });

  it.each(Object.entries(COMPILE_PROBLEMS))('%s: the reference problems', (file, expected) => {
    expect(brief(load(file).problems)).toEqual(expected);
  });

  it('ip_locality_no_networks.yaml: every reference to the removed networks', () => {
    const { parsed, problems } = load('ip_locality_no_networks.yaml');
    expect(parsed.problems).toEqual([]);
    expect(problems).toHaveLength(21);
    expect(new Set(problems.map((problem) => problem.message.match(/names Network '(\w+)'/)?.[1]))).toEqual(new Set(['oob', 'pxe', 'mgmt', 'public', 'private']));
    expect(new Set(problems.map((problem) => problem.document))).toEqual(
      new Set(['NetworkLink/oob', 'NetworkLink/pxe', 'NetworkLink/gp', 'HostProfile/defaults', 'HostProfile/k8-node', 'BaremetalNode/controller01', 'BaremetalNode/compute01']),
    );
  });
});

describe('deckhand_fullsite.yaml compiled', () => {
  const { design } = load('deckhand_fullsite.yaml');
  const node = (name: string) => {
    const found = design.nodes.find((candidate) => candidate.name === name);
    if (found === undefined) throw new Error(`no node ${name}`);
    return found;
  };

  it('gives nodes the interfaces, storage and oob of the profile chain defaults → k8-node', () => {
    const controller = node('controller01');
    expect(controller.host_profile).toBe('k8-node');
    expect(controller.hardware_profile).toBe('HPGen9v3');
    expect(controller.primary_network).toBe('mgmt');
    expect(controller.oob).toEqual({ type: 'ipmi', network: 'oob', account: 'admin', credential: 'admin' });
    expect(Object.keys(controller.interfaces)).toEqual(['pxe', 'bond0']);
    expect(controller.storage.physical_devices.sda.partitions.map((partition) => [partition.name, partition.size])).toEqual([
      ['root', '20g'],
      ['boot', '1g'],
    ]);
    expect(controller.storage.physical_devices.sdb.volume_group).toBe('log_vg');
    expect(controller.storage.volume_groups.log_vg.logical_volumes[0]).toMatchObject({ name: 'log_lv', size: '500m', filesystem: { fstype: 'xfs' } });
    expect(controller.platform).toEqual({ image: 'xenial', kernel: 'ga-16.04', kernel_params: { quiet: true, console: 'ttyS2' } });
    expect(controller.metadata).toEqual({ tags: ['test'], owner_data: { foo: 'bar' }, rack: 'rack1' });
  });

  it("negates the inherited private network on controller01's bond0 only", () => {
    expect(node('controller01').interfaces.bond0.networks).toEqual(['mgmt']);
    expect(node('compute01').interfaces.bond0.networks).toEqual(['mgmt', 'private']);
    expect(node('controller01').interfaces.bond0.sriov).toEqual({ vf_count: 2, trustmode: false });
  });

  it('applies the hardware profile: NIC aliases and kernel parameter references', () => {
    expect(node('compute01').interfaces.bond0.slave_selectors?.map((selector) => selector.address)).toEqual(['0000:00:03.0', '0000:00:04.0']);
    expect(node('compute01').platform.kernel_params).toEqual({ quiet: true, console: 'ttyS2', isolcpus: '2,4', hugepagesz: '1G', hugepages: 300 });
    expect(node('compute02').metadata.owner_data).toEqual({ foo: 'baz' });
  });

  it('fills the ingest defaults of links and networks', () => {
    const gp = design.networkLinks.find((link) => link.name === 'gp');
    expect(gp?.bonding).toEqual({ mode: '802.3ad', hash: 'layer3+4', peer_rate: 'slow', mon_rate: 100, up_delay: 200, down_delay: 200 });
    expect(design.region?.name).toBe('sitename');
    expect(design.bootActions.map((action) => [action.name, action.signaling])).toEqual([
      ['hw_filtered', false],
      ['helloworld', true],
      ['hw_filtered2', true],
    ]);
  });
});
