import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Designs for the API specs: the documented example site, and small ones with one thing wrong.

export const EXAMPLES_DIR = join(__dirname, '../../../../docs/examples');
export const VALID_SITE_PATH = join(EXAMPLES_DIR, 'valid-site.yaml');
export const validSiteYaml = (): string => readFileSync(VALID_SITE_PATH, 'utf8');

const header = (kind: string, name: string) => `---\nschema: drydock/${kind}/v1\nmetadata:\n  schema: metadata/Document/v1\n  name: ${name}\ndata:\n`;

/** A tiny site: a region, one network and two nodes on a host profile. */
export const SMALL_SITE = [
  `${header('Region', 'small-lab')}  authorized_keys: []`,
  `${header('Network', 'mgmt')}  cidr: 10.0.0.0/24\n  ranges:\n    - type: static\n      start: 10.0.0.10\n      end: 10.0.0.200`,
  `${header('HostProfile', 'base')}  primary_network: mgmt\n  metadata:\n    owner_data:\n      role: compute`,
  `${header('BaremetalNode', 'n1')}  host_profile: base\n  metadata:\n    rack: r1\n  addressing:\n    - network: mgmt\n      address: 10.0.0.11`,
  `${header('BaremetalNode', 'n2')}  host_profile: base\n  metadata:\n    rack: r2\n  addressing:\n    - network: mgmt\n      address: 10.0.0.12`,
].join('\n');

/** Line 4 does not close its flow sequence. */
export const BAD_YAML = '---\nschema: drydock/Region/v1\nmetadata:\n  name: [broken\ndata: {}\n';

/** A kind Drydock does not have (line 2). */
export const UNKNOWN_KIND = `${SMALL_SITE}\n${header('Widget', 'w1')}  size: 3`;

/** Node n3 names a host profile that no document defines. */
export const DANGLING_REFERENCE = `${SMALL_SITE}\n${header('BaremetalNode', 'n3')}  host_profile: missing\n  addressing:\n    - network: mgmt\n      address: 10.0.0.13`;

/** Host profiles a and b are each other's parent. */
export const PROFILE_CYCLE = `${SMALL_SITE}\n${header('HostProfile', 'a')}  host_profile: b\n${header('HostProfile', 'b')}  host_profile: a`;
