import { InvalidParameterValueError, NotAcceptableError } from '@slipway/errors';
import { expectBoolean, expectMac, expectUuid, isDatapathId, isMacAddress } from './arg-values';
import { pythonRepr } from '../common/python-repr';
import { checkSchema, isType, notOfType, ObjectSchema } from './resource-schema';
import { PORT_FIELDS } from './port.view';
import { refuseNewerFields } from './resource-fields';

// A port body (POST) or a patched port, checked as Ironic's PORT_VALIDATOR does: the schema
// first, then each value, normalising MAC addresses and switch ids to lower case.

export const PORT_SCHEMA: ObjectSchema = {
  properties: {
    address: { type: ['string'] },
    extra: { type: ['object', 'null'] },
    is_smartnic: { type: ['string', 'boolean', 'null'] },
    local_link_connection: { type: ['null', 'object'] },
    node_uuid: { type: ['string'] },
    physical_network: { type: ['string', 'null'], maxLength: 64 },
    portgroup_uuid: { type: ['string', 'null'] },
    pxe_enabled: { type: ['string', 'boolean', 'null'] },
    uuid: { type: ['string', 'null'] },
  },
  required: ['address', 'node_uuid'],
};

/** Ironic's port PATCH allow-list. */
export const PORT_PATCHABLE_FIELDS = ['address', 'extra', 'is_smartnic', 'local_link_connection', 'node_uuid', 'physical_network', 'portgroup_uuid', 'pxe_enabled'];

/** `name` is how the message calls the body: `port` for a create, `patch` for a patched port. */
export function validatePortBody(name: string, body: unknown): Record<string, unknown> {
  const port = { ...checkSchema(name, body, PORT_SCHEMA) };
  const check: Record<string, (key: string, value: unknown) => unknown> = {
    address: expectMac,
    node_uuid: expectUuid,
    is_smartnic: expectBoolean,
    local_link_connection: (_key, value) => normaliseLocalLink(checkLocalLink(value, LOCAL_LINK_VARIANTS, 'local_link_connection')),
    portgroup_uuid: expectUuid,
    pxe_enabled: expectBoolean,
    uuid: expectUuid,
  };
  for (const [key, validate] of Object.entries(check)) {
    if (key in port && port[key] !== null) port[key] = validate(key, port[key]);
  }
  return port;
}

/** 406 for fields newer than the request (network_type inside local_link_connection too). */
export function refuseNewerPortFields(names: Iterable<string>, localLink: unknown, minor: number): void {
  refuseNewerFields(PORT_FIELDS, names, minor);
  const hasNetworkType = [...names].includes('local_link_connection/network_type') || (isType(localLink, 'object') && 'network_type' in (localLink as object));
  if (hasNetworkType && minor < 64) throw new NotAcceptableError('Request not acceptable.');
}

/** A Smart NIC port names its port and host (Ironic checks it when both are given on create). */
export function checkSmartNicLink(localLink: unknown): void {
  if (localLink === null || localLink === undefined) return;
  if (!matches(localLink, { required: ['port_id', 'hostname'] })) {
    throw new InvalidParameterValueError('Smart NIC port must have port_id and hostname in local_link_connection');
  }
}

// local_link_connection: a switch port (port_id + switch_id), a Smart NIC (port_id + hostname),
// an unmanaged link, or nothing at all.
interface LinkVariant {
  required: string[];
  networkTypes?: string[];
  empty?: boolean;
}
const LINK_PROPERTIES = ['port_id', 'switch_id', 'hostname', 'switch_info', 'network_type'];
const NETWORK_TYPES = ['managed', 'unmanaged'];
const LOCAL_LINK_VARIANTS: LinkVariant[] = [{ required: ['port_id', 'switch_id'] }, { required: ['port_id', 'hostname'] }, { required: ['network_type'], networkTypes: ['unmanaged'] }, { required: [], empty: true }];

function matches(value: unknown, variant: LinkVariant): boolean {
  if (!isType(value, 'object')) return false;
  const link = value as Record<string, unknown>;
  const keys = Object.keys(link);
  if (variant.empty) return keys.length === 0;
  if (keys.some((key) => !LINK_PROPERTIES.includes(key) || typeof link[key] !== 'string')) return false;
  if ('network_type' in link && !(variant.networkTypes ?? NETWORK_TYPES).includes(link.network_type as string)) return false;
  return variant.required.every((key) => key in link);
}

function checkLocalLink(value: unknown, variants: LinkVariant[], name: string): Record<string, unknown> {
  if (variants.some((variant) => matches(value, variant))) return value as Record<string, unknown>;
  throw new InvalidParameterValueError(`Schema error for ${name}: ${pythonRepr(value)} is not valid under any of the given schemas. Possible root cause: ${rootCause(value)}`);
}

/** The most telling problem, as jsonschema's best match picks it for the common cases. */
function rootCause(value: unknown): string {
  if (!isType(value, 'object')) return notOfType(value, ['object']);
  const link = value as Record<string, unknown>;
  const extras = Object.keys(link).filter((key) => !LINK_PROPERTIES.includes(key));
  if (extras.length) return `Additional properties are not allowed (${extras.map(pythonRepr).join(', ')} ${extras.length === 1 ? 'was' : 'were'} unexpected)`;
  const wrong = Object.keys(link).find((key) => typeof link[key] !== 'string');
  if (wrong !== undefined) return notOfType(link[wrong], ['string']);
  if ('network_type' in link && !NETWORK_TYPES.includes(link.network_type as string)) return `${pythonRepr(link.network_type)} is not one of ['managed', 'unmanaged']`;
  const missing = ['port_id', 'switch_id'].find((key) => !(key in link)) ?? 'switch_id';
  return `'${missing}' is a required property`;
}

/** switch_id is a MAC address or an OpenFlow datapath id, kept in lower case. */
function normaliseLocalLink(link: Record<string, unknown>): Record<string, unknown> {
  if (!('switch_id' in link)) return link;
  const switchId = link.switch_id;
  if (!isMacAddress(switchId) && !isDatapathId(switchId)) {
    throw new InvalidParameterValueError(`Expected a MAC address or OpenFlow datapath ID but received ${String(switchId)}.`);
  }
  return { ...link, switch_id: switchId.toLowerCase() };
}
