import { cidrContains, formatCidr, formatIp, parseCidr, parseIp } from './ip-address';

describe('IP addresses and CIDRs', () => {
  it('parses and formats IPv4 and IPv6 (RFC 5952 compression)', () => {
    expect(parseIp('10.30.0.16')).toEqual({ version: 4, value: 0x0a1e0010n });
    expect(['fd00:40::1', '::', '2001:db8:0:0:1:0:0:1', '::ffff:10.0.0.1', '1:2:3:4:5:6:7:8'].map((text) => formatIp(parseIp(text)!))).toEqual([
      'fd00:40::1',
      '::',
      '2001:db8::1:0:0:1',
      '::ffff:a00:1',
      '1:2:3:4:5:6:7:8',
    ]);
    expect([parseIp('10.0.0.256'), parseIp('fd00::g'), parseIp('dhcp')]).toEqual([undefined, undefined, undefined]);
  });

  it('parses CIDRs, flags host bits and gives the strict form', () => {
    expect(parseCidr('10.30.0.0/24')).toEqual({ version: 4, network: 0x0a1e0000n, prefix: 24, hostBitsSet: false });
    expect(formatCidr(parseCidr('10.30.0.1/24')!)).toBe('10.30.0.0/24');
    expect(parseCidr('10.30.0.1/24')!.hostBitsSet).toBe(true);
    expect(formatCidr(parseCidr('fd00:40::1/64')!)).toBe('fd00:40::/64');
    expect([parseCidr('10.0.0.0/33'), parseCidr('10.0.0.0'), parseCidr('fd00::/129')]).toEqual([undefined, undefined, undefined]);
  });

  it('tells whether a CIDR holds an address', () => {
    const cidr = parseCidr('10.30.0.0/24')!;
    expect([cidrContains(cidr, parseIp('10.30.0.255')!), cidrContains(cidr, parseIp('10.31.0.1')!), cidrContains(cidr, parseIp('::1')!)]).toEqual([true, false, false]);
    expect(cidrContains(parseCidr('0.0.0.0/0')!, parseIp('192.0.2.1')!)).toBe(true);
  });
});
