import Fastify, { FastifyInstance } from 'fastify';
import { MockupTree } from './mockup-tree';
import { redfishError } from './redfish-error';

/**
 * Serves a mockup tree over Redfish. This first cut is read-only: it answers GETs from the tree
 * and refuses writes with 405, rather than pretending to apply them.
 */
export function createVbmcServer(tree: MockupTree): FastifyInstance {
  const server = Fastify({ logger: false });
  server.get('/redfish', async () => ({ v1: '/redfish/v1/' }));
  server.route({
    method: ['GET', 'HEAD'],
    url: '/redfish/v1*',
    handler: async (request, reply) => {
      const resource = tree.get(request.url);
      if (resource === undefined) {
        return reply.code(404).send(redfishError('ResourceMissingAtURI', `The resource at the URI ${request.url} was not found.`));
      }
      return reply.header('OData-Version', '4.0').send(resource);
    },
  });
  server.route({
    method: ['POST', 'PATCH', 'PUT', 'DELETE'],
    url: '/redfish/v1*',
    handler: async (request, reply) =>
      reply.code(405).send(redfishError('OperationNotAllowed', `${request.method} is not supported by this virtual BMC yet.`)),
  });
  return server;
}
