import type { DesignData } from '../ingest/design-schemas';
import type { PathSegment } from '../ingest/field-path';
import type { DesignKind } from '../model/design-document';
import type { HostData } from './compile-host';

/** A field of a document that names another document. */
export interface DesignReference {
  segments: PathSegment[];
  kind: DesignKind;
  name: string;
}

/** `!` unsets an inherited scalar: it names nothing. */
const names = (value: string | undefined): value is string => value !== undefined && value !== '!';

function hostReferences(data: HostData): DesignReference[] {
  const found: DesignReference[] = [];
  const add = (segments: PathSegment[], kind: DesignKind, name: string | undefined) => {
    if (names(name)) found.push({ segments, kind, name });
  };
  add(['host_profile'], 'HostProfile', data.host_profile);
  add(['hardware_profile'], 'HardwareProfile', data.hardware_profile);
  add(['primary_network'], 'Network', data.primary_network);
  add(['oob', 'network'], 'Network', data.oob?.network);
  for (const [name, hostInterface] of Object.entries(data.interfaces ?? {})) {
    if (hostInterface === null || name.startsWith('!')) continue;
    add(['interfaces', name, 'device_link'], 'NetworkLink', hostInterface.device_link);
    // A `!network` negation names a network too: a misspelt one would remove nothing.
    hostInterface.networks?.forEach((network, index) => add(['interfaces', name, 'networks', index], 'Network', network.replace(/^!/, '')));
  }
  add(['metadata', 'rack'], 'Rack', data.metadata?.rack);
  return found;
}

export function profileReferences(data: HostData): DesignReference[] {
  return hostReferences(data);
}

export function nodeReferences(data: HostData & Pick<DesignData<'BaremetalNode'>, 'addressing'>): DesignReference[] {
  return [
    ...hostReferences(data),
    ...data.addressing.map((address, index): DesignReference => ({ segments: ['addressing', index, 'network'], kind: 'Network', name: address.network })),
  ];
}

export function networkLinkReferences(data: DesignData<'NetworkLink'>): DesignReference[] {
  const found = (data.allowed_networks ?? []).map((network, index): DesignReference => ({ segments: ['allowed_networks', index], kind: 'Network', name: network }));
  const native = data.trunking?.default_network;
  if (names(native)) found.push({ segments: ['trunking', 'default_network'], kind: 'Network', name: native });
  return found;
}
