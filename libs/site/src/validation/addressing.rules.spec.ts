import { addressOf, networkOf, nodeOf, reported, validSite } from './__fixtures__/valid-site.fixture';
import { cidrValidity, duplicatedIpCheck, ipLocalityCheck, staticAddressRange } from './addressing.rules';

describe('DD2006 CIDR Validity', () => {
  it('reports host bits set, suggesting the strict CIDR (IPv4 and IPv6), and a CIDR it cannot read', () => {
    const design = validSite();
    networkOf(design, 'mgmt').cidr = '10.30.0.1/24';
    networkOf(design, 'storage').cidr = 'fd00:40::1/64';
    networkOf(design, 'pxe').cidr = '10.20.0.0/33';
    expect(cidrValidity.check(design).map(({ level, message, diagnostic }) => [level, message, diagnostic])).toEqual([
      ['Error', 'Network pxe: CIDR "10.20.0.0/33" is not a valid CIDR.', 'Write the CIDR as address/prefix, such as 10.0.0.0/24.'],
      ['Error', 'Network mgmt: CIDR 10.30.0.1/24 has host bits set.', 'Provide a CIDR acceptable to the provisioner: 10.30.0.0/24'],
      ['Error', 'Network storage: CIDR fd00:40::1/64 has host bits set.', 'Provide a CIDR acceptable to the provisioner: fd00:40::/64'],
    ]);
  });

  it('warns when there are no networks', () => {
    expect(reported(cidrValidity, { ...validSite(), networks: [] })).toEqual([['Warning', 'No networks found.']]);
  });
});

describe('DD2002 IP Locality Check', () => {
  it('reports route gateways that are missing or off the network', () => {
    const design = validSite();
    networkOf(design, 'mgmt').routes = [
      { subnet: '0.0.0.0/0', gateway: '10.31.0.1', metric: 10 },
      { subnet: '192.168.0.0/16' },
    ];
    expect(reported(ipLocalityCheck, design)).toEqual([
      ['Error', "Network mgmt: the gateway 10.31.0.1 of the route to 0.0.0.0/0 is not within the network's CIDR 10.30.0.0/24."],
      ['Error', 'Network mgmt: the route to 192.168.0.0/16 has no gateway.'],
    ]);
  });

  it('reports addresses outside their CIDR, on an undefined network, or not IP addresses; dhcp is skipped', () => {
    const design = validSite();
    addressOf(design, 'node05', 'mgmt').address = '10.31.0.15';
    addressOf(design, 'node06', 'storage').network = 'backup';
    addressOf(design, 'node07', 'oob').address = '10.10.0.300';
    expect(reported(ipLocalityCheck, design)).toEqual([
      ['Error', 'BaremetalNode node05: address 10.31.0.15 is not within the CIDR 10.30.0.0/24 of network mgmt.'],
      ['Error', 'BaremetalNode node06: address 10.40.0.16 is on network backup, which is not defined.'],
      ['Error', 'BaremetalNode node07: address 10.10.0.300 on network oob is not an IP address.'],
    ]);
  });

  it('warns when there are no networks or no nodes', () => {
    expect(reported(ipLocalityCheck, { ...validSite(), networks: [], nodes: [] })).toEqual([
      ['Warning', 'No networks found.'],
      ['Warning', 'No BaremetalNodes found.'],
    ]);
  });
});

describe('DD2005 Duplicated IP Check', () => {
  it('reports an address given twice, naming both nodes and networks', () => {
    const design = validSite();
    addressOf(design, 'node07', 'storage').address = '10.30.0.16';
    const [finding] = duplicatedIpCheck.check(design);
    expect(finding).toMatchObject({
      level: 'Error',
      message: 'Duplicate IP address 10.30.0.16: BaremetalNode node06 has it on network mgmt and BaremetalNode node07 on network storage.',
      documents: [
        { kind: 'BaremetalNode', name: 'node06' },
        { kind: 'BaremetalNode', name: 'node07' },
      ],
    });
  });

  it('warns when there are no nodes', () => {
    expect(reported(duplicatedIpCheck, { ...validSite(), nodes: [] })).toEqual([['Warning', 'No BaremetalNodes found.']]);
  });
});

describe('DD2007 Static IP Range Check', () => {
  it('reports an address outside every static range, naming the range it is in and the static ones', () => {
    const design = validSite();
    addressOf(design, 'node09', 'mgmt').address = '10.30.0.5';
    nodeOf(design, 'node10').addressing[0] = { network: 'pxe', address: '10.20.0.150' };
    expect(reported(staticAddressRange, design)).toEqual([
      ['Error', 'BaremetalNode node09: address 10.30.0.5 is not in a static range of network mgmt; its static ranges: 10.30.0.10-10.30.0.250.'],
      ['Error', 'BaremetalNode node10: address 10.20.0.150 is not in a static range of network pxe (it is in the dhcp range 10.20.0.100-10.20.0.250); its static ranges: 10.20.0.10-10.20.0.99.'],
    ]);
  });

  it('reports every static address of a network without a static range', () => {
    const design = validSite();
    networkOf(design, 'oob').ranges = [{ type: 'reserved', start: '10.10.0.1', end: '10.10.0.9' }];
    const found = reported(staticAddressRange, design);
    expect(found).toHaveLength(20);
    expect(found[0]).toEqual(['Error', 'BaremetalNode node01: address 10.10.0.11 is not in a static range of network oob; network oob declares no static range.']);
  });

  it("leaves addresses outside the network's CIDR to DD2002", () => {
    const design = validSite();
    addressOf(design, 'node05', 'mgmt').address = '10.31.0.15';
    expect(reported(staticAddressRange, design)).toEqual([]);
  });
});
