import { API_MAX_VERSION, API_MIN_VERSION } from '../versioning/api-version';

// The discovery documents Ironic serves at `/` and `/v1`. Clients (keystoneauth version
// discovery, gophercloud, the baremetal CLI) read `version`, `min_version` and the links.

export interface Link {
  href: string;
  rel: string;
  type?: string;
}

/** Collections listed in `GET /v1`, with the microversion that introduced each. */
const V1_COLLECTIONS: ReadonlyArray<readonly [name: string, minMinor: number]> = [
  ['chassis', 1],
  ['nodes', 1],
  ['ports', 1],
  ['drivers', 1],
  ['portgroups', 23],
  ['volume', 32],
  ['lookup', 22],
  ['heartbeat', 22],
  ['conductors', 49],
  ['allocations', 52],
  ['events', 54],
  ['deploy_templates', 55],
  ['shards', 82],
  ['continue_inspection', 84],
];

export function versionDocument(baseUrl: string) {
  return {
    id: 'v1',
    links: [{ href: `${baseUrl}/v1/`, rel: 'self' }],
    status: 'CURRENT',
    min_version: API_MIN_VERSION,
    version: API_MAX_VERSION,
  };
}

export function rootDocument(baseUrl: string) {
  const v1 = versionDocument(baseUrl);
  return {
    name: 'OpenStack Ironic API',
    description: 'Slipway: bare-metal provisioning with an Ironic-compatible API.',
    default_version: v1,
    versions: [v1],
  };
}

export function v1Document(baseUrl: string, requestedMinor: number) {
  const doc: Record<string, unknown> = {
    id: 'v1',
    links: [
      { href: `${baseUrl}/v1/`, rel: 'self' },
      // Ironic's own link, double slashes included, so clients see the same document.
      { href: 'https://docs.openstack.org//ironic/latest/contributor//webapi.html', rel: 'describedby', type: 'text/html' },
    ],
    media_types: { base: 'application/json', type: 'application/vnd.openstack.ironic.v1+json' },
  };
  // Same key order as Ironic: the 1.1 collections, the version, then the gated ones.
  for (const [name, minMinor] of V1_COLLECTIONS) {
    if (minMinor === 1) doc[name] = resourceLinks(baseUrl, name);
  }
  doc.version = versionDocument(baseUrl);
  for (const [name, minMinor] of V1_COLLECTIONS) {
    if (minMinor > 1 && requestedMinor >= minMinor) doc[name] = resourceLinks(baseUrl, name);
  }
  return doc;
}

function resourceLinks(baseUrl: string, name: string): Link[] {
  return [
    { href: `${baseUrl}/v1/${name}/`, rel: 'self' },
    { href: `${baseUrl}/${name}/`, rel: 'bookmark' },
  ];
}
