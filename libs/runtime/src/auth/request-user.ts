import type { FastifyRequest } from 'fastify';

const USER = Symbol('slipway.user');

/** Notes who made the request, once authentication has verified it. */
export function setRequestUser(request: FastifyRequest, user: string): void {
  (request as unknown as Record<symbol, string>)[USER] = user;
}

/** The authenticated user of the request (http_basic); null without authentication (noauth). */
export function requestUser(request: FastifyRequest): string | null {
  return (request as unknown as Record<symbol, string | undefined>)[USER] ?? null;
}
