import { isIPv4, isIPv6 } from 'node:net';

/** An IPv4 or IPv6 address as a number, so that ranges and prefixes compare exactly. */
export interface IpAddress {
  version: 4 | 6;
  value: bigint;
}

export interface Cidr {
  version: 4 | 6;
  /** The network address (host bits cleared). */
  network: bigint;
  prefix: number;
  /** The CIDR as written had bits set after the prefix (`10.0.0.5/24`). */
  hostBitsSet: boolean;
}

const BITS = { 4: 32, 6: 128 } as const;

export function parseIp(text: string): IpAddress | undefined {
  if (isIPv4(text)) return { version: 4, value: text.split('.').reduce((sum, octet) => (sum << 8n) + BigInt(Number(octet)), 0n) };
  if (!isIPv6(text)) return undefined;
  let groups = text;
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4Tail) {
    const tail = parseIp(v4Tail[1])!.value;
    groups = `${text.slice(0, -v4Tail[1].length)}${(tail >> 16n).toString(16)}:${(tail & 0xffffn).toString(16)}`;
  }
  const [head, rest] = groups.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const all = rest === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return { version: 6, value: all.reduce((sum, group) => (sum << 16n) + BigInt(parseInt(group, 16)), 0n) };
}

export function formatIp(ip: IpAddress): string {
  if (ip.version === 4) return [24n, 16n, 8n, 0n].map((shift) => ((ip.value >> shift) & 0xffn).toString()).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => (ip.value >> BigInt(112 - 16 * i)) & 0xffffn);
  // RFC 5952: the longest run of two or more zero groups becomes `::`.
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0n) length++;
    if (length > best.length) best = { start, length };
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

export function parseCidr(text: string): Cidr | undefined {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(text.trim());
  const address = match ? parseIp(match[1]) : undefined;
  if (!match || !address) return undefined;
  const prefix = Number(match[2]);
  const bits = BITS[address.version];
  if (prefix > bits) return undefined;
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  return { version: address.version, network: address.value & ~hostMask, prefix, hostBitsSet: (address.value & hostMask) !== 0n };
}

/** The CIDR with host bits cleared (Python's `ip_network(cidr, strict=False)`). */
export function formatCidr(cidr: Cidr): string {
  return `${formatIp({ version: cidr.version, value: cidr.network })}/${cidr.prefix}`;
}

export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.version !== ip.version) return false;
  const shift = BigInt(BITS[cidr.version] - cidr.prefix);
  return ip.value >> shift === cidr.network >> shift;
}
