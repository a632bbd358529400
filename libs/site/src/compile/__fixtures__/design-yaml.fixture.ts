import { parseDesignYaml } from '../../ingest/parse-design-yaml';
import { compileSiteDesign } from '../compile-site-design';

/** One Deckhand-format document; `data` is YAML written at the left margin. */
export function designDoc(kind: string, name: string, data: string): string {
  const body = data
    .trim()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `---\nschema: drydock/${kind}/v1\nmetadata:\n  schema: metadata/Document/v1\n  name: ${name}\ndata:\n${body}\n`;
}

/** The networks, links, racks and hardware profile most tests build on. */
export const SITE_BASE = [
  designDoc('Network', 'oob', 'cidr: 10.0.0.0/24'),
  designDoc('Network', 'mgmt', 'cidr: 10.0.1.0/24'),
  designDoc('Network', 'private', 'cidr: 10.0.2.0/24'),
  designDoc('NetworkLink', 'gp', 'bonding:\n  mode: 802.3ad\ntrunking:\n  mode: 802.1q\n  default_network: mgmt\nallowed_networks: [mgmt, private]'),
  designDoc('Rack', 'r1', 'labels:\n  zone: a'),
  designDoc('Rack', 'r2', 'labels:\n  zone: b'),
  designDoc(
    'HardwareProfile',
    'hw',
    `device_aliases:
  nic1: {bus_type: pci, address: '0000:01:00.0', dev_type: X710}
  disk1: {bus_type: scsi, address: '2:0.0.0'}
cpu_sets:
  rt: '2-3'
hugepages:
  big: {size: 1G, count: 8}`,
  ),
].join('');

/** Parses and compiles documents (after SITE_BASE unless told otherwise), as the file site.yaml. */
export function compileYaml(documents: string, options: { base?: boolean } = {}) {
  const text = `${options.base === false ? '' : SITE_BASE}${documents}`;
  const parsed = parseDesignYaml(text, 'site.yaml');
  return { text, parsed, ...compileSiteDesign(parsed.documents) };
}

/** The 1-based line of the first line of `text` that contains `needle` after the one containing `after`. */
export function lineWith(text: string, needle: string, after?: string): number {
  const lines = text.split('\n');
  const start = after === undefined ? 0 : lines.findIndex((line) => line.includes(after));
  const index = lines.findIndex((line, at) => at >= start && line.includes(needle));
  if (start < 0 || index < 0) throw new Error(`no line with ${needle}`);
  return index + 1;
}

/** A node with one address, the given host profile and more data. */
export function nodeDoc(name: string, profile: string | undefined, more = ''): string {
  return designDoc('BaremetalNode', name, `${profile === undefined ? '' : `host_profile: ${profile}\n`}addressing:\n  - {address: dhcp, network: mgmt}\n${more}`);
}
