import type { NodeEntity } from '@slipway/db';

/** Where Ironic caches a node's BMC addresses when inspection starts. */
const LOOKUP_CACHE_FIELD = 'lookup_bmc_addresses';

/**
 * The addresses an inspection ramdisk may report as the node's BMC: the cached ones if an
 * inspection start stored them, else the host of every `*_address` in driver_info (a URL's host,
 * IPv6 brackets stripped), loopback left out, as Ironic computes them. Host names are not
 * resolved: the api process does no DNS per request.
 */
export function bmcAddressesOf(node: Pick<NodeEntity, 'driverInfo' | 'driverInternalInfo'>): string[] {
  const cached = node.driverInternalInfo[LOOKUP_CACHE_FIELD];
  if (Array.isArray(cached)) return cached.filter((address): address is string => typeof address === 'string');
  const addresses = new Set<string>();
  for (const [name, value] of Object.entries(node.driverInfo)) {
    if (!name.endsWith('_address') || typeof value !== 'string') continue;
    const host = (value.includes('//') ? hostOf(value) : value).replace(/^\[+/, '').replace(/\]+$/, '');
    if (host && !isLoopback(host)) addresses.add(host);
  }
  return [...addresses];
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Ironic's is_loopback: a loopback IP, or the name `localhost`. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
