import { InvalidParameterValueError } from '@slipway/errors';
import { isJsonObject, requiredMessage, SchemaIssues, typeMessage } from '../common/schema-messages';
import { isMacAddress } from '../ports/arg-values';

/** The body of `POST /v1/continue_inspection` once checked: the inventory and the rest (plugin data). */
export interface InspectionData {
  inventory: Record<string, unknown>;
  pluginData: Record<string, unknown>;
  /** The valid MACs of the inventory's interfaces, lower case (invalid ones are ignored, as in Ironic). */
  macs: string[];
  /** `bmc_address` and `bmc_v6address` when set. */
  bmcAddresses: string[];
}

/**
 * Checks the body against Ironic's minimal inventory schema (an object with an `inventory` that
 * has at least one interface with a `mac_address`; other keys are free) and picks what the lookup
 * needs.
 */
export function parseInspectionData(body: unknown): InspectionData {
  const issues = new SchemaIssues();
  checkData(body === undefined ? null : body, issues);
  if (issues.first !== undefined) throw new InvalidParameterValueError(`Schema error for data: ${issues.first}`);
  const { inventory, ...pluginData } = body as { inventory: Record<string, unknown> } & Record<string, unknown>;
  const interfaces = inventory.interfaces as Array<{ mac_address: string }>;
  const macs = interfaces.map((item) => item.mac_address).filter(isMacAddress).map((mac) => mac.toLowerCase());
  const bmcAddresses = [inventory.bmc_address, inventory.bmc_v6address].filter((address): address is string => typeof address === 'string' && address !== '');
  return { inventory, pluginData, macs, bmcAddresses };
}

function checkData(body: unknown, issues: SchemaIssues): void {
  if (!isJsonObject(body)) return issues.add(0, typeMessage(body, ['object']));
  if (!('inventory' in body)) return issues.add(0, requiredMessage('inventory'));
  const inventory = body.inventory;
  if (!isJsonObject(inventory)) return issues.add(1, typeMessage(inventory, ['object']));
  for (const key of ['bmc_address', 'bmc_v6address']) {
    if (key in inventory && inventory[key] !== null && typeof inventory[key] !== 'string') issues.add(2, typeMessage(inventory[key], ['string', 'null']));
  }
  if (!('interfaces' in inventory)) return issues.add(1, requiredMessage('interfaces'));
  const interfaces = inventory.interfaces;
  if (!Array.isArray(interfaces)) return issues.add(2, typeMessage(interfaces, ['array']));
  if (!interfaces.length) issues.add(2, '[] is too short');
  for (const item of interfaces) {
    if (!isJsonObject(item)) issues.add(3, typeMessage(item, ['object']));
    else if (!('mac_address' in item)) issues.add(3, requiredMessage('mac_address'));
    else if (typeof item.mac_address !== 'string') issues.add(4, typeMessage(item.mac_address, ['string']));
  }
}
