import { FastifyRequest } from 'fastify';

/** The base URL clients used to reach us, for links (Ironic builds links from the request host). */
export function publicBaseUrl(request: FastifyRequest): string {
  const forwardedProto = request.headers['x-forwarded-proto'];
  const protocol = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto) ?? request.protocol;
  return `${protocol}://${request.headers.host ?? request.hostname}`;
}
