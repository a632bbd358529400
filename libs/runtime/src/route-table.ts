import FindMyWay from 'find-my-way';
import type { FastifyInstance } from 'fastify';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * Every route the server registered, so an answer to a known path called with a verb it does not
 * take can be 405 with `Allow` (as Ironic answers) rather than Fastify's 404.
 */
export class RouteTable {
  private readonly router = FindMyWay({ ignoreTrailingSlash: true, ignoreDuplicateSlashes: true });

  add(method: string, url: string): void {
    for (const verb of method === 'ALL' || method === '*' ? METHODS : [method.toUpperCase()]) {
      if ((METHODS as readonly string[]).includes(verb) && !this.router.hasRoute(verb as never, url)) this.router.on(verb as never, url, () => undefined);
    }
  }

  /** The verbs some route serves at `path` (without its query). */
  allowedMethods(path: string): string[] {
    const bare = path.split('?')[0];
    return METHODS.filter((verb) => this.router.find(verb as never, bare) !== null);
  }
}

/** Records every route of `fastify` as it is registered; call before the routes are added. */
export function trackRoutes(fastify: FastifyInstance): RouteTable {
  const table = new RouteTable();
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) table.add(method, route.url);
  });
  fastify.decorate('slipwayRoutes', table);
  return table;
}

/** The route table of the server that received a request (undefined outside createHttpApp). */
export function routeTableOf(server: FastifyInstance): RouteTable | undefined {
  return (server as unknown as { slipwayRoutes?: RouteTable }).slipwayRoutes;
}
