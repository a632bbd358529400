import { linkOf, networkOf, nodeOf, reported, validSite } from './__fixtures__/valid-site.fixture';
import { allowedNetworkCheck, mtuRationality, networkBondRationality, networkTrunkingRationality } from './link.rules';

describe('DD2003 MTU Rationality', () => {
  it("reports MTUs outside 1280-65536 once each, naming the network's own MTU (Drydock printed a link's)", () => {
    const design = validSite();
    linkOf(design, 'oob').mtu = 1000;
    networkOf(design, 'pxe').mtu = 70000;
    expect(reported(mtuRationality, design)).toEqual([
      ['Error', 'NetworkLink oob: MTU 1000 is not between 1280 and 65536.'],
      ['Error', 'Network pxe: MTU 70000 is not between 1280 and 65536.'],
    ]);
  });

  it('compares a network with every link that carries it, not only where it is native', () => {
    const design = validSite();
    networkOf(design, 'mgmt').mtu = 9100; // native on data
    networkOf(design, 'storage').mtu = 9216; // allowed on data, not native: Drydock did not look
    const findings = mtuRationality.check(design);
    expect(findings.map((finding) => finding.message)).toEqual([
      'Network mgmt: MTU 9100 is larger than the MTU 9000 of NetworkLink data, which carries it.',
      'Network storage: MTU 9216 is larger than the MTU 9000 of NetworkLink data, which carries it.',
    ]);
    expect(findings[1].documents).toEqual([
      { kind: 'Network', name: 'storage' },
      { kind: 'NetworkLink', name: 'data' },
    ]);
  });
});

describe('DD2004 Network Trunking Rationality', () => {
  it('reports a link without trunking that allows several networks or has a tagged native network', () => {
    const design = validSite();
    linkOf(design, 'data').trunking.mode = 'disabled';
    expect(reported(networkTrunkingRationality, design)).toEqual([
      ['Error', 'NetworkLink data: trunking is disabled but it allows 2 networks (mgmt and storage).'],
      ['Error', 'NetworkLink data: trunking is disabled but its native network mgmt has VLAN tag 100.'],
    ]);
  });

  it('reports a link without trunking and without a default network', () => {
    const design = validSite();
    delete linkOf(design, 'pxe').trunking.default_network;
    expect(reported(networkTrunkingRationality, design)).toEqual([['Error', 'NetworkLink pxe: trunking is disabled and no trunking.default_network is set.']]);
  });
});

describe('DD1006 Network Bond Rationality', () => {
  it('reports bond options on a link whose bonding is disabled', () => {
    const design = validSite();
    linkOf(design, 'pxe').bonding = { mode: 'disabled', hash: 'layer2', mon_rate: 100 };
    expect(reported(networkBondRationality, design)).toEqual([['Error', 'NetworkLink pxe: bonding is disabled but hash layer2 and mon_rate 100 are set.']]);
  });

  it('reports 802.3ad delays shorter than mon_rate', () => {
    const design = validSite();
    Object.assign(linkOf(design, 'data').bonding, { up_delay: 50, down_delay: 99 });
    expect(reported(networkBondRationality, design)).toEqual([
      ['Error', 'NetworkLink data: bonding up_delay 50 is less than mon_rate 100.'],
      ['Error', 'NetworkLink data: bonding down_delay 99 is less than mon_rate 100.'],
    ]);
  });

  it.each(['balance-rr', 'active-backup'] as const)('reports LACP options on a %s bond (Drydock tested "balanced-rr" and never caught balance-rr)', (mode) => {
    const design = validSite();
    linkOf(design, 'data').bonding.mode = mode;
    expect(reported(networkBondRationality, design)).toEqual([
      ['Error', `NetworkLink data: bonding hash layer3+4 cannot be set when the bonding mode is ${mode}.`],
      ['Error', `NetworkLink data: bonding peer_rate fast cannot be set when the bonding mode is ${mode}.`],
    ]);
  });
});

describe('DD1007 Allowed Network Check', () => {
  it('reports a network allowed on several links', () => {
    const design = validSite();
    linkOf(design, 'pxe').allowed_networks.push('storage');
    const [finding] = allowedNetworkCheck.check(design);
    expect(finding).toMatchObject({
      level: 'Error',
      message: 'Network storage is allowed on 2 NetworkLinks: pxe and data.',
      documents: [
        { kind: 'NetworkLink', name: 'pxe' },
        { kind: 'NetworkLink', name: 'data' },
      ],
    });
  });

  it("reports interface networks outside their link's allowed networks, undefined links and a missing device_link", () => {
    const design = validSite();
    nodeOf(design, 'node01').interfaces['pxe'].networks.push('mgmt');
    nodeOf(design, 'node02').interfaces['bond0'].device_link = 'fabric';
    delete nodeOf(design, 'node03').interfaces['pxe'].device_link;
    expect(reported(allowedNetworkCheck, design)).toEqual([
      ['Error', 'BaremetalNode node01: interface pxe is attached to network mgmt, which NetworkLink pxe does not allow (allowed: pxe).'],
      ['Error', 'BaremetalNode node02: interface bond0 uses NetworkLink fabric, which is not defined.'],
      ['Error', 'BaremetalNode node03: interface pxe carries networks (pxe) but has no device_link.'],
    ]);
  });
});
