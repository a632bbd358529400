// Vendor passthru: methods a driver's vendor interface publishes, called through the API at
// `/v1/nodes/{node}/vendor_passthru?method=` and `/v1/drivers/{driver}/vendor_passthru?method=`.
import { z } from 'zod';
import {
  DriverNotFoundError, InvalidParameterValueError, MethodNotAllowedError, MissingParameterValueError, NodeLockedError, NodeNotFoundError,
  NoFreeConductorWorkerError, UnsupportedDriverExtensionError,
} from '@slipway/errors';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';

const call = { method: z.string().min(1), httpMethod: z.string().min(1), args: z.record(z.string(), z.unknown()) };
/** `async`: accepted and running (HTTP 202); otherwise `result` is the method's answer (200). */
const outcome = z.object({ async: z.boolean(), result: z.unknown().optional(), attach: z.boolean() });
const routes = z.record(
  z.string(),
  z.object({ http_methods: z.array(z.string()), async: z.boolean(), description: z.string(), attach: z.boolean(), require_exclusive_lock: z.boolean().optional() }),
);
const callErrors = [InvalidParameterValueError, MissingParameterValueError, MethodNotAllowedError, UnsupportedDriverExtensionError, NoFreeConductorWorkerError];

export const nodeVendorPassthru = defineRpc({
  name: RPC_NAMES.nodeVendorPassthru,
  kind: 'call',
  request: z.object({ uuid: z.guid(), ...call }),
  response: outcome,
  errors: [...callErrors, NodeNotFoundError, NodeLockedError],
});

export const nodeVendorPassthruMethods = defineRpc({
  name: RPC_NAMES.nodeVendorPassthruMethods,
  kind: 'call',
  request: z.object({ uuid: z.guid() }),
  response: routes,
  errors: [NodeNotFoundError, UnsupportedDriverExtensionError],
});

export const driverVendorPassthru = defineRpc({
  name: RPC_NAMES.driverVendorPassthru,
  kind: 'call',
  request: z.object({ driver: z.string(), ...call }),
  response: outcome,
  errors: [...callErrors, DriverNotFoundError],
});

export const driverVendorPassthruMethods = defineRpc({
  name: RPC_NAMES.driverVendorPassthruMethods,
  kind: 'call',
  request: z.object({ driver: z.string() }),
  response: routes,
  errors: [DriverNotFoundError, UnsupportedDriverExtensionError],
});
