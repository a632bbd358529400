import { IncomingHttpHeaders } from 'node:http';
import { canonicalPath } from '../paths';
import { RedfishErrors } from '../redfish-error';
import { VbmcContext } from '../vbmc-context';
import { cloneRoutes } from './clone.routes';
import { Method, RedfishReply, RedfishRequest } from './replies';
import { serviceRoutes, sharedRoutes } from './service.routes';

/**
 * Routes a Redfish request. Paths are matched on lookup keys (case, trailing slashes and query
 * ignored) because that is how links in real trees are spelt; the order is service routes,
 * then clone resources, then shared mockup resources.
 */
export function routeRedfish(method: string, url: string, headers: IncomingHttpHeaders, body: unknown, ctx: VbmcContext): RedfishReply {
  const path = canonicalPath(url);
  const request: RedfishRequest = { method: (method === 'HEAD' ? 'GET' : method) as Method, path, key: path.toLowerCase(), body, headers };
  ctx.tasks.settle();

  const service = serviceRoutes(request.key, ctx);
  if (service) return call(service, request, (handler) => handler(request, ctx));

  const target = ctx.clones.resolve(request.key);
  if (target) {
    const role = target.clone.template.roleOf(target.key);
    if (role.kind !== 'action' && !ctx.renderer.exists(target)) throw RedfishErrors.notFound(path);
    ctx.power.settle(target.clone);
    return call(cloneRoutes(role), request, (handler) => handler(request, target, ctx, role));
  }

  const shared = sharedRoutes(request.key, ctx);
  if (shared) return call(shared, request, (handler) => handler(request, ctx));
  throw RedfishErrors.notFound(path);
}

function call<H>(handlers: Partial<Record<Method, H>>, request: RedfishRequest, run: (handler: H) => RedfishReply): RedfishReply {
  const handler = handlers[request.method];
  if (!handler) {
    const allow = Object.keys(handlers);
    throw RedfishErrors.methodNotAllowed(request.method, request.path, allow.includes('GET') ? ['GET', 'HEAD', ...allow.filter((m) => m !== 'GET')] : allow);
  }
  return run(handler);
}
