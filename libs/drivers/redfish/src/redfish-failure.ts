import { DriverOperationError, InvalidParameterValueError, type DriverTask } from '@slipway/drivers-framework';
import { UnsupportedDriverExtensionError } from '@slipway/errors';
import { RedfishError, RedfishInvalidValueError, RedfishSystemSelectionError, RedfishUnsupportedError } from '@slipway/redfish-client';

/**
 * Runs one driver operation against the BMC and turns the client's errors into Slipway's: a value
 * the BMC does not accept is the request's fault (400), a feature the BMC lacks is
 * UnsupportedDriverExtension, anything else a driver failure whose message names the operation,
 * the node and what the BMC (or the network) said. That message ends up in last_error.
 */
export async function redfishCall<T>(task: DriverTask, operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translateRedfishError(task, operation, error);
  }
}

export function translateRedfishError(task: DriverTask, operation: string, error: unknown): unknown {
  if (!(error instanceof RedfishError)) return error;
  const said = error.message;
  if (error instanceof RedfishInvalidValueError) return new InvalidParameterValueError(`Redfish ${operation} for node ${task.node.uuid}: ${said}`);
  if (error instanceof RedfishUnsupportedError) return new UnsupportedDriverExtensionError({ driver: task.node.driver, extension: `${operation} (${error.message.replace(/\.$/, '')})` });
  if (error instanceof RedfishSystemSelectionError) {
    return new InvalidParameterValueError(`Redfish ${operation} for node ${task.node.uuid}: ${said} Check driver_info/redfish_system_id.`);
  }
  return new DriverOperationError({ driver: 'redfish', reason: `${operation} failed for node ${task.node.uuid}: ${said}` });
}
