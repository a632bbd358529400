// Driver-level questions any conductor serving a hardware type can answer from its driver
// registry, without a node: Ironic's get_driver_properties and get_raid_logical_disk_properties.
import { z } from 'zod';
import { DriverNotFoundError, UnsupportedDriverExtensionError } from '@slipway/errors';
import { defineRpc } from '../contract';
import { RPC_NAMES } from '../rpc-names';

const driverRef = z.object({ driverName: z.string().min(1) });
/** Property name → human description. */
const descriptions = z.record(z.string(), z.string());

export const driverProperties = defineRpc({
  name: RPC_NAMES.driverProperties,
  kind: 'call',
  request: driverRef,
  /** The driver_info keys the hardware type's default interfaces read. */
  response: descriptions,
  // The caller picked a conductor that registered the type; it may have restarted without it.
  errors: [DriverNotFoundError],
});

export const driverRaidLogicalDiskProperties = defineRpc({
  name: RPC_NAMES.driverRaidLogicalDiskProperties,
  kind: 'call',
  request: driverRef,
  /** The logical disk keys the hardware type's default RAID interface understands. */
  response: descriptions,
  errors: [DriverNotFoundError, UnsupportedDriverExtensionError],
});
