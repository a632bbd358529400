import { IncomingHttpHeaders } from 'node:http';
import { CloneTarget } from '../clone-systems';
import { Json } from '../json';
import { CloneRole } from '../system-template';
import { VbmcContext } from '../vbmc-context';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A Redfish request as handlers see it: HEAD arrives as GET, the path canonical and as a lookup key. */
export interface RedfishRequest {
  method: Method;
  path: string;
  key: string;
  body: unknown;
  headers: IncomingHttpHeaders;
}

export interface RedfishReply {
  status: number;
  body?: Json;
  headers?: Record<string, string>;
  /** Send the body's ETag header (resources, not errors or task bodies). */
  etag?: boolean;
}

export type ServiceHandler = (request: RedfishRequest, ctx: VbmcContext) => RedfishReply;
export type CloneHandler<R extends CloneRole = CloneRole> = (request: RedfishRequest, target: CloneTarget, ctx: VbmcContext, role: R) => RedfishReply;
export type Handlers<H> = Partial<Record<Method, H>>;

export const resource = (body: Json): RedfishReply => ({ status: 200, body, etag: true });
export const noContent = (): RedfishReply => ({ status: 204 });

/** 202 for a started task: Location is the task monitor, the body the Task (see task.routes.ts). */
export function taskAccepted(started: { monitor: string; task: Json }, retryAfterSeconds: number): RedfishReply {
  return { status: 202, body: started.task, headers: { Location: started.monitor, 'Retry-After': String(retryAfterSeconds) } };
}
