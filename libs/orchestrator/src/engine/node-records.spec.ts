import { DESIGN_REF, exampleNode, exampleSite } from './__fixtures__/example-site.fixture';
import { netmaskOf, networkDataFor } from './network-data';
import { kernelAppendParams, recordChanges, rootGigabytes, type NodeFacts } from './node-records';

const blank = (facts: Partial<NodeFacts> = {}): NodeFacts => ({ properties: {}, instance_info: {}, extra: {}, network_data: {}, deployInterface: 'fake', ...facts });

describe('networkDataFor (network_data.json of a design node)', () => {
  it("describes node01's interfaces, addresses, routes and DNS, leaving its BMC address out", () => {
    expect(networkDataFor(exampleNode('node01'), exampleSite())).toEqual({
      links: [
        { id: 'pxe', type: 'phy', mtu: 1500 },
        { id: 'data_nic1', type: 'phy', mtu: 9000 },
        { id: 'data_nic2', type: 'phy', mtu: 9000 },
        { id: 'bond0', type: 'bond', mtu: 9000, bond_links: ['data_nic1', 'data_nic2'], bond_mode: '802.3ad', bond_xmit_hash_policy: 'layer3+4', bond_miimon: 100 },
        // mgmt is the link's native network: untagged on bond0; storage (VLAN 200) gets a VLAN link.
        { id: 'bond0.200', type: 'vlan', mtu: 9000, vlan_link: 'bond0', vlan_id: 200 },
      ],
      networks: [
        { id: 'pxe', network_id: 'pxe', link: 'pxe', type: 'ipv4_dhcp' },
        { id: 'mgmt', network_id: 'mgmt', link: 'bond0', type: 'ipv4', ip_address: '10.30.0.11', netmask: '255.255.255.0', routes: [{ network: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.30.0.1' }] },
        { id: 'storage', network_id: 'storage', link: 'bond0.200', type: 'ipv4', ip_address: '10.40.0.11', netmask: '255.255.255.0', routes: [] },
      ],
      services: [
        { type: 'dns', address: '10.20.0.2' },
        { type: 'dns', address: '10.30.0.2' },
        { type: 'dns', address: '10.40.0.2' },
      ],
    });
  });

  it.each([
    ['10.0.0.0/24', '255.255.255.0'],
    ['10.0.0.0/20', '255.255.240.0'],
    ['0.0.0.0/0', '0.0.0.0'],
    ['10.0.0.1/32', '255.255.255.255'],
    ['2001:db8::/64', 'ffff:ffff:ffff:ffff:0:0:0:0'],
    ['10.0.0.0', undefined],
    ['10.0.0.0/33', undefined],
  ])('netmaskOf(%s) is %s', (cidr, mask) => {
    expect(netmaskOf(cidr)).toBe(mask);
  });
});

describe('recordChanges', () => {
  const design = exampleSite();
  const node = exampleNode('node01');

  it('create_storage_template writes the root device hints into properties, keeping other keys, and nothing once they are there', () => {
    const node = exampleNode('node01');
    const changes = recordChanges('create_storage_template', node, exampleSite(), DESIGN_REF, blank({ properties: { cpu_arch: 'x86_64' } }));
    expect(changes).toEqual({ properties: { cpu_arch: 'x86_64', root_device: { name: '/dev/sda' } } });
    expect(recordChanges('create_storage_template', node, exampleSite(), DESIGN_REF, blank(changes))).toEqual({});
    // A design without a boot disk takes an earlier hint away.
    const diskless = { ...node, storage: { physical_devices: {}, volume_groups: {} } };
    expect(recordChanges('create_storage_template', diskless, exampleSite(), DESIGN_REF, blank(changes))).toEqual({ properties: { cpu_arch: 'x86_64' } });
  });

  it('apply_node_networking writes network_data, and nothing once it is there', () => {
    const changes = recordChanges('apply_node_networking', node, design, DESIGN_REF, blank());
    expect(Object.keys(changes)).toEqual(['network_data']);
    expect(recordChanges('apply_node_networking', node, design, DESIGN_REF, blank({ network_data: changes.network_data }))).toEqual({});
  });

  it('apply_node_storage writes root_gb (GiB of the root partition) and the layout in extra.site, keeping other keys', () => {
    const changes = recordChanges('apply_node_storage', node, design, DESIGN_REF, blank({ instance_info: { image_source: 'old' }, extra: { owner: 'ops', site: { rack: 'rack01' } } }));
    expect(changes.instance_info).toEqual({ image_source: 'old', root_gb: 30 });
    expect(changes.extra).toEqual({ owner: 'ops', site: { rack: 'rack01', storage: node.storage } });
    expect((changes.extra?.site as { storage: { physical_devices: object } }).storage.physical_devices).toHaveProperty('sda');
  });

  it('apply_node_platform writes the image, the kernel parameters and extra.site.platform; boot_iso only for the ramdisk deploy', () => {
    const fake = recordChanges('apply_node_platform', node, design, DESIGN_REF, blank({ instance_info: { root_gb: 30 } }));
    expect(fake.instance_info).toEqual({ root_gb: 30, image_source: 'jammy', kernel_append_params: 'console=ttyS1,115200 hugepagesz=1G hugepages=16' });
    expect(fake.extra).toEqual({ site: { platform: { image: 'jammy', kernel: 'ga-22.04', kernel_params: { console: 'ttyS1,115200', hugepagesz: '1G', hugepages: 16 } } } });
    const ramdisk = recordChanges('apply_node_platform', node, design, DESIGN_REF, blank({ deployInterface: 'ramdisk' }));
    expect(ramdisk.instance_info).toMatchObject({ image_source: 'jammy', boot_iso: 'jammy' });
  });

  it("relabel_node writes the node's labels in extra.site, keeping what the apply steps recorded there", () => {
    const relabelled = { ...node, metadata: { ...node.metadata, owner_data: { role: 'storage', tier: 'gold' } } };
    const changes = recordChanges('relabel_node', relabelled, design, DESIGN_REF, blank({ extra: { site: { rack: 'rack01', platform: { image: 'jammy' } } } }));
    expect(changes).toEqual({
      extra: { site: { platform: { image: 'jammy' }, design: DESIGN_REF, rack: 'rack01', tags: ['compute'], owner_data: { role: 'storage', tier: 'gold' }, labels: { 'switch_port.pxe': 'swp1', 'switch_port.bond0': 'swp21,swp41' } } },
    });
  });
});

describe('kernelAppendParams and rootGigabytes', () => {
  it('writes values as key=value, true flags as the key alone, and leaves false flags out', () => {
    expect(kernelAppendParams({ console: 'ttyS0', quiet: true, splash: false, hugepages: 4 })).toBe('console=ttyS0 quiet hugepages=4');
    expect(kernelAppendParams({})).toBeUndefined();
  });

  it('gives no root_gb for a relative root size', () => {
    const node = exampleNode('node01');
    const sda = node.storage.physical_devices['sda'];
    const relative = { ...node, storage: { ...node.storage, physical_devices: { sda: { ...sda, partitions: [{ ...sda.partitions[0], size: '>20g' }] } } } };
    expect(rootGigabytes(node)).toBe(30);
    expect(rootGigabytes(relative)).toBeUndefined();
  });
});
