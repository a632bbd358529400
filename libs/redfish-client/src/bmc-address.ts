/** Where a BMC's Redfish service is: its origin and the path of its service root. */
export interface BmcAddress {
  /** `https://bmc.example:8443`: scheme, host and port. */
  readonly origin: string;
  /** The service root path, ending in `/` (sushy's root_prefix; `/redfish/v1/` by default). */
  readonly rootPath: string;
}

export const DEFAULT_ROOT_PATH = '/redfish/v1/';

/** An address the client cannot use; the message says what is wrong, for validate() to show. */
export class InvalidBmcAddressError extends Error {
  constructor(
    readonly address: string,
    reason: string,
  ) {
    super(`Invalid Redfish address ${JSON.stringify(address)}: ${reason}.`);
    this.name = 'InvalidBmcAddressError';
  }
}

/**
 * Ironic's `redfish_address`: a URL, or a host (with an optional port) that gets `https://`. A
 * path part replaces the service root path, so a BMC that serves Redfish elsewhere still works.
 * Only http and https are allowed, and no credentials or query in the URL.
 */
export function parseBmcAddress(address: string): BmcAddress {
  const trimmed = address.trim();
  if (trimmed === '') throw new InvalidBmcAddressError(address, 'it is empty');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new InvalidBmcAddressError(address, 'it is not a URL or a host name');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidBmcAddressError(address, `the scheme must be http or https, not ${url.protocol.slice(0, -1)}`);
  if (url.hostname === '') throw new InvalidBmcAddressError(address, 'it has no host');
  if (url.username !== '' || url.password !== '') throw new InvalidBmcAddressError(address, 'credentials belong in redfish_username and redfish_password, not in the address');
  if (url.search !== '' || url.hash !== '') throw new InvalidBmcAddressError(address, 'it must not have a query or a fragment');
  const rootPath = url.pathname === '/' || url.pathname === '' ? DEFAULT_ROOT_PATH : url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { origin: url.origin, rootPath };
}
