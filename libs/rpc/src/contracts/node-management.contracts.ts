// The node's management interface (boot device, boot mode, secure boot, NMI, indicators), its
// maintenance flag and the validation of its interfaces, each carried out by the conductor that
// owns the node: reads on a shared task, writes under the node lock (Ironic's set_boot_device,
// change_node_boot_mode, inject_nmi, update_node for maintenance, validate_driver_interfaces...).
import { z } from 'zod';
import {
  InvalidParameterValueError, MissingParameterValueError, NodeLockedError, NodeNotFoundError, NoFreeConductorWorkerError, UnsupportedDriverExtensionError,
} from '@slipway/errors';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';

const nodeRef = z.object({ uuid: z.guid() });
const done = z.object({});
const driverErrors = [NodeNotFoundError, NodeLockedError, InvalidParameterValueError, MissingParameterValueError, UnsupportedDriverExtensionError];

export const nodeGetBootDevice = defineRpc({
  name: RPC_NAMES.nodeGetBootDevice,
  kind: 'call',
  request: nodeRef,
  /** null when the hardware cannot tell. */
  response: z.object({ bootDevice: z.string().nullable(), persistent: z.boolean().nullable() }),
  errors: driverErrors,
});

export const nodeSetBootDevice = defineRpc({
  name: RPC_NAMES.nodeSetBootDevice,
  kind: 'call',
  request: z.object({ uuid: z.guid(), device: z.string(), persistent: z.boolean() }),
  response: done,
  errors: driverErrors,
});

export const nodeGetSupportedBootDevices = defineRpc({
  name: RPC_NAMES.nodeGetSupportedBootDevices,
  kind: 'call',
  request: nodeRef,
  response: z.object({ devices: z.array(z.string()) }),
  errors: driverErrors,
});

export const nodeInjectNmi = defineRpc({
  name: RPC_NAMES.nodeInjectNmi,
  kind: 'call',
  request: nodeRef,
  response: done,
  errors: driverErrors,
});

/** Answers once the change is under way; the conductor records the outcome on the node. */
export const nodeChangeBootMode = defineRpc({
  name: RPC_NAMES.nodeChangeBootMode,
  kind: 'call',
  request: z.object({ uuid: z.guid(), mode: z.enum(['bios', 'uefi']) }),
  response: done,
  errors: [...driverErrors, NoFreeConductorWorkerError],
});

/** Answers once the change is under way; the conductor records the outcome on the node. */
export const nodeChangeSecureBoot = defineRpc({
  name: RPC_NAMES.nodeChangeSecureBoot,
  kind: 'call',
  request: z.object({ uuid: z.guid(), enabled: z.boolean() }),
  response: done,
  errors: [...driverErrors, NoFreeConductorWorkerError],
});

const indicatorInfo = z.object({ readonly: z.boolean(), states: z.array(z.string()) });

export const nodeGetSupportedIndicators = defineRpc({
  name: RPC_NAMES.nodeGetSupportedIndicators,
  kind: 'call',
  request: nodeRef,
  /** component → indicator → what it can show, in the driver's order. */
  response: z.object({ components: z.array(z.object({ component: z.string(), indicators: z.array(indicatorInfo.extend({ name: z.string() })) })) }),
  errors: driverErrors,
});

export const nodeGetIndicatorState = defineRpc({
  name: RPC_NAMES.nodeGetIndicatorState,
  kind: 'call',
  request: z.object({ uuid: z.guid(), component: z.string(), indicator: z.string() }),
  response: z.object({ state: z.string() }),
  errors: driverErrors,
});

export const nodeSetIndicatorState = defineRpc({
  name: RPC_NAMES.nodeSetIndicatorState,
  kind: 'call',
  request: z.object({ uuid: z.guid(), component: z.string(), indicator: z.string(), state: z.string() }),
  response: done,
  errors: driverErrors,
});

export const nodeSetMaintenance = defineRpc({
  name: RPC_NAMES.nodeSetMaintenance,
  kind: 'call',
  request: z.object({
    uuid: z.guid(),
    maintenance: z.boolean(),
    /** Recorded when entering maintenance; leaving it clears the reason and the fault. */
    reason: z.string().nullable(),
  }),
  response: done,
  errors: [NodeNotFoundError, NodeLockedError],
});

/** One interface's verdict: true (valid), false (with a reason), null (not checked). */
export const interfaceValidation = z.object({ interface: z.string(), result: z.boolean().nullable(), reason: z.string().optional() });
export type InterfaceValidation = z.infer<typeof interfaceValidation>;

export const nodeValidateInterfaces = defineRpc({
  name: RPC_NAMES.nodeValidateInterfaces,
  kind: 'call',
  request: nodeRef,
  /** In Ironic's order: the core interfaces, then the optional ones. */
  response: z.object({ interfaces: z.array(interfaceValidation) }),
  errors: [NodeNotFoundError, NodeLockedError],
});
