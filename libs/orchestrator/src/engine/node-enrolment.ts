import type { BaremetalNode } from '@slipway/site';

// How a design node becomes an Ironic node (pure): its hardware type from `oob.type`, its
// driver_info from the other `oob` fields, its ports from the MACs the design knows, and the
// design's view of it (`extra.site`).

/**
 * The hardware type for each OOB type a design may give. `fake` (and Drydock's `manual`, the
 * operator powers the node) enrol on `fake-hardware`, Slipway's simulated hardware: that is how
 * a design asks for fake hardware.
 */
export const OOB_TYPE_DRIVERS: Readonly<Record<string, string>> = Object.freeze({
  redfish: 'redfish',
  fake: 'fake-hardware',
  manual: 'fake-hardware',
});

/** Drydock OOB types for real BMCs Slipway has no driver for: such a node fails, as in Drydock. */
export const UNSUPPORTED_OOB_TYPES: readonly string[] = Object.freeze(['ipmi', 'libvirt']);

/** The Ironic hardware type when none of the above matches (test designs with types of their own). */
export const FALLBACK_DRIVER = 'fake-hardware';

export type DriverChoice = { ok: true; driver: string; note?: string } | { ok: false; reason: string };

export function driverForOob(oobType: string | undefined): DriverChoice {
  const type = oobType ?? '';
  const driver = OOB_TYPE_DRIVERS[type];
  if (driver !== undefined) return { ok: true, driver };
  if (UNSUPPORTED_OOB_TYPES.includes(type)) {
    return { ok: false, reason: `OOB type ${type} is not supported: Slipway drives BMCs over redfish (oob.type: redfish), or simulates them (oob.type: fake).` };
  }
  const named = type === '' ? 'No OOB type is given' : `OOB type ${type} is not a BMC protocol Slipway drives`;
  return { ok: true, driver: FALLBACK_DRIVER, note: `${named}: the node is enrolled on ${FALLBACK_DRIVER}.` };
}

/** A port to create for the node. */
export interface PortSpec {
  address: string;
  pxe_enabled: boolean;
}

/** What `nodeCreate` gets for a design node (the uuid and conductor group are the caller's). */
export interface NodeEnrolment {
  name: string;
  driver: string;
  driver_info: Record<string, unknown>;
  extra: Record<string, unknown>;
  ports: PortSpec[];
  /** Things the task reports about the mapping (a fallback driver, an ignored MAC). */
  notes: string[];
}

export type EnrolmentResult = { ok: true; enrolment: NodeEnrolment } | { ok: false; reason: string };

/** `oob` fields → redfish driver_info keys (Ironic's names). */
const REDFISH_OOB_FIELDS: ReadonlyArray<[string, string]> = [
  ['system_id', 'redfish_system_id'],
  ['account', 'redfish_username'],
  ['credential', 'redfish_password'],
  ['verify_ca', 'redfish_verify_ca'],
  ['auth_type', 'redfish_auth_type'],
  ['deploy_iso', 'deploy_iso'],
];

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

/**
 * The Ironic node for a design node. For `redfish`: redfish_address is `oob.address` when given,
 * else the node's static address on the OOB network (`oob.network`); system id, user, password,
 * CA verification, auth type and deploy ISO come from oob `system_id`, `account`, `credential`,
 * `verify_ca`, `auth_type`, `deploy_iso`. For fake hardware, the `fake_*` knobs of `oob`
 * (fake_delay, fake_fail) go to driver_info as they are. A MAC in `metadata.boot_mac` becomes a
 * PXE-enabled port.
 */
export function enrolmentFor(node: BaremetalNode, designRef: string): EnrolmentResult {
  const choice = driverForOob(node.oob.type);
  if (!choice.ok) return choice;
  const notes = choice.note ? [choice.note] : [];
  let driverInfo: Record<string, unknown>;
  if (choice.driver === 'redfish') {
    const address = typeof node.oob['address'] === 'string' ? node.oob['address'] : oobNetworkAddress(node);
    if (address === undefined) {
      return { ok: false, reason: `Node ${node.name} has no BMC address: give oob.address, or a static address on its OOB network (oob.network).` };
    }
    driverInfo = { redfish_address: address };
    for (const [field, key] of REDFISH_OOB_FIELDS) if (node.oob[field] !== undefined && node.oob[field] !== null) driverInfo[key] = node.oob[field];
  } else {
    driverInfo = Object.fromEntries(Object.entries(node.oob).filter(([key]) => key.startsWith('fake_')));
  }
  const ports: PortSpec[] = [];
  const bootMac = node.metadata.boot_mac?.trim().toLowerCase();
  if (bootMac !== undefined && bootMac !== '') {
    if (MAC.test(bootMac)) ports.push({ address: bootMac, pxe_enabled: true });
    else notes.push(`metadata.boot_mac ${node.metadata.boot_mac} is not a MAC address; no port is created for it.`);
  }
  return { ok: true, enrolment: { name: node.name, driver: choice.driver, driver_info: driverInfo, extra: { site: siteLabelsFor(node, designRef) }, ports, notes } };
}

/** The node's static address on its OOB network, if it has one. */
function oobNetworkAddress(node: BaremetalNode): string | undefined {
  const network = node.oob.network;
  if (network === undefined) return undefined;
  return node.addressing.find((entry) => entry.network === network && entry.address !== 'dhcp')?.address;
}

/**
 * What the design says about a node for its users (`extra.site` on the Ironic node, written at
 * enrolment and by relabel_nodes): the design version, rack, tags, owner_data (Drydock's node
 * labels) and the document's labels.
 */
export function siteLabelsFor(node: BaremetalNode, designRef: string): Record<string, unknown> {
  return {
    design: designRef,
    rack: node.metadata.rack ?? null,
    tags: [...node.metadata.tags],
    owner_data: { ...node.metadata.owner_data },
    labels: { ...node.labels },
  };
}
