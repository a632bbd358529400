import type { RedfishConnection, RedfishResponse } from '../redfish-connection';
import { RedfishHttpError, RedfishInvalidValueError, RedfishUnsupportedError } from '../redfish-errors';
import { TaskMonitor } from '../task-monitor';
import type { RedfishAction } from './common-fields';
import type { Resource } from './resource';

/** What a write gives back: the answer when it is done, or a monitor when the BMC answered 202. */
export type WriteResult = RedfishResponse | TaskMonitor;

export function toWriteResult(connection: RedfishConnection, response: RedfishResponse): WriteResult {
  return TaskMonitor.fromResponse(connection, response) ?? response;
}

/** PATCHes the resource itself with If-Match from its (fresh) ETag, and marks it stale. */
export async function patchResource(resource: Resource, body: Record<string, unknown>): Promise<WriteResult> {
  const response = await resource.connection.patch(resource.path, body, await resource.freshEtag());
  resource.invalidate();
  return toWriteResult(resource.connection, response);
}

/** POSTs an action of the resource (a missing action is RedfishUnsupportedError), and marks it stale. */
export async function postAction(resource: Resource, action: RedfishAction | undefined, name: string, body?: unknown): Promise<WriteResult> {
  if (!action) throw new RedfishUnsupportedError(resource.connection.url(resource.path), `the action ${name}`);
  const response = await resource.connection.post(action.target, body);
  resource.invalidate();
  return toWriteResult(resource.connection, response);
}

/**
 * POSTs an action that takes no parameters without a body; a BMC answering 400 or 415 wants a
 * JSON body after all (HPE iLO's EjectMedia, some ResetBios), so it gets `{}`.
 */
export async function postBodilessAction(resource: Resource, action: RedfishAction | undefined, name: string): Promise<WriteResult> {
  try {
    return await postAction(resource, action, name);
  } catch (error) {
    if (!(error instanceof RedfishHttpError && (error.status === 400 || error.status === 415))) throw error;
    return postAction(resource, action, name, {});
  }
}

/** Refuses a value the BMC's allowable values leave out (no list: everything is allowed). */
export function checkAllowed(resource: Resource, parameter: string, value: string, allowed: readonly string[] | undefined): void {
  if (allowed !== undefined && !allowed.includes(value)) throw new RedfishInvalidValueError(resource.connection.url(resource.path), parameter, value, allowed);
}
