import { nodeOf, reported, validSite } from './__fixtures__/valid-site.fixture';
import { ipmiValidity, libvirtValidity } from './oob.rules';

describe('DD4001 Valid IPMI Configuration', () => {
  it('reports each missing IPMI parameter (Drydock raised a TypeError formatting this message)', () => {
    const design = validSite();
    delete nodeOf(design, 'node01').oob.credential;
    delete nodeOf(design, 'node02').oob.account;
    delete nodeOf(design, 'node02').oob.network;
    expect(() => ipmiValidity.check(design)).not.toThrow();
    expect(reported(ipmiValidity, design)).toEqual([
      ['Error', 'BaremetalNode node01: OOB parameter credential for IPMI is missing.'],
      ['Error', 'BaremetalNode node02: OOB parameter account for IPMI is missing.'],
      ['Error', 'BaremetalNode node02: OOB parameter network for IPMI is missing.'],
    ]);
  });

  it('reports a node without a static address on its OOB network', () => {
    const design = validSite();
    nodeOf(design, 'node04').addressing.find((address) => address.network === 'oob')!.address = 'dhcp';
    expect(reported(ipmiValidity, design)).toEqual([['Error', 'BaremetalNode node04: no static address on its OOB network oob.']]);
  });
});

describe('DD4002 Valid Libvirt Configuration', () => {
  it('is quiet on an IPMI site, and on a libvirt node with a qemu+ssh URI and a boot MAC', () => {
    const design = validSite();
    expect(reported(libvirtValidity, design)).toEqual([]);
    const node = nodeOf(design, 'node20');
    node.oob = { type: 'libvirt', libvirt_uri: 'qemu+ssh://virt@hypervisor01/system' };
    node.metadata.boot_mac = '52:54:00:12:34:20';
    expect(reported(libvirtValidity, design)).toEqual([]);
  });

  it('reports a missing or non-qemu+ssh libvirt_uri and a missing boot MAC', () => {
    const design = validSite();
    nodeOf(design, 'node19').oob = { type: 'libvirt' };
    nodeOf(design, 'node20').oob = { type: 'libvirt', libvirt_uri: 'qemu+tcp://hypervisor01/system' };
    nodeOf(design, 'node20').metadata.boot_mac = '52:54:00:12:34:20';
    expect(reported(libvirtValidity, design)).toEqual([
      ['Error', 'BaremetalNode node19: OOB parameter libvirt_uri is missing.'],
      ['Error', 'BaremetalNode node19: a libvirt node needs metadata.boot_mac.'],
      ['Error', 'BaremetalNode node20: OOB parameter libvirt_uri qemu+tcp://hypervisor01/system does not use the qemu+ssh scheme.'],
    ]);
  });
});
