import { nodeOf, reported, validSite } from './__fixtures__/valid-site.fixture';
import { hostnameValidity, hugepagesValidity, platformSelection } from './platform.rules';

describe('DD1008 Hugepages', () => {
  it('reports hugepages without hugepagesz, and the other way round', () => {
    const design = validSite();
    delete nodeOf(design, 'node01').platform.kernel_params['hugepagesz'];
    delete nodeOf(design, 'node02').platform.kernel_params['hugepages'];
    expect(reported(hugepagesValidity, design)).toEqual([
      ['Error', 'BaremetalNode node01: kernel_params set hugepages (16) without hugepagesz.'],
      ['Error', 'BaremetalNode node02: kernel_params set hugepagesz (1G) without hugepages.'],
    ]);
  });
});

describe('DD3001 Platform Selection', () => {
  it('reports an unknown image, and a kernel the image does not have, listing the choices', () => {
    const design = validSite();
    nodeOf(design, 'node01').platform.image = 'focal';
    nodeOf(design, 'node02').platform.kernel = 'hwe-24.04';
    expect(platformSelection.check(design, { platforms: { jammy: ['ga-22.04', 'hwe-22.04'], noble: ['ga-24.04'] } }).map(({ message, diagnostic }) => [message, diagnostic])).toEqual([
      ['BaremetalNode node01: image focal is not available.', 'Select a valid image from: jammy, noble'],
      ['BaremetalNode node02: kernel hwe-24.04 is not available for image jammy.', 'Select a valid kernel from: ga-22.04, hwe-22.04'],
    ]);
  });

  it('warns and checks nothing without a catalog, as Drydock without a node driver', () => {
    expect(reported(platformSelection, validSite(), {})).toEqual([['Warning', 'No node provisioner platform catalog: image and kernel selections not validated.']]);
  });
});

describe('DD3003 Hostname Validity', () => {
  it('reports invalid labels of the FQDN (name + the domain of the primary network)', () => {
    const design = validSite();
    nodeOf(design, 'node03').name = 'node_03';
    expect(reported(hostnameValidity, design)).toEqual([['Error', 'BaremetalNode node_03: FQDN node_03.lab.example.com has invalid label "node_03".']]);
  });

  it('uses the domain local without a primary network, and reports an FQDN over 255 characters', () => {
    const design = validSite();
    const node = nodeOf(design, 'node01');
    delete node.primary_network;
    node.name = Array<string>(5).fill('a'.repeat(63)).join('.');
    expect(reported(hostnameValidity, design)).toEqual([['Error', `BaremetalNode ${node.name}: FQDN ${node.name}.local is 325 characters, more than 255.`]]);
  });
});
