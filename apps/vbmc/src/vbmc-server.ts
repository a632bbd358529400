import Fastify, { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { serialise } from './etag';
import { pathKey } from './paths';
import { RedfishError } from './redfish-error';
import { registerControlRoutes } from './routes/control.routes';
import { routeRedfish } from './routes/redfish-router';
import { RedfishReply } from './routes/replies';
import { VbmcContext } from './vbmc-context';
import { VbmcControl } from './vbmc-control';
import { UnknownSystemError, VbmcInputError } from './vbmc-input.error';

export interface TlsFiles {
  cert: string | Buffer;
  key: string | Buffer;
}

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

/**
 * The HTTP side: one Fastify server for every clone. Per Redfish request, in order: stats,
 * injected faults (latency, drop, error), auth, then the router. The control API skips all three.
 */
export function createVbmcServer(ctx: VbmcContext, control: VbmcControl, tls?: TlsFiles): FastifyInstance {
  // Fastify types an HTTPS instance differently; both serve the same routes, so one type is used.
  const server = Fastify({
    logger: false,
    ...(tls ? { https: tls } : {}),
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
  }) as unknown as FastifyInstance;

  // Redfish bodies are JSON whatever the Content-Type says (curl -d sends form encoding), and an
  // empty body is no body (sushy posts some actions without one).
  server.removeAllContentTypeParsers();
  server.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new RedfishError(400, 'MalformedJSON', 'The request body submitted was malformed JSON and could not be parsed.'), undefined);
    }
  });

  const inFlight = new WeakMap<FastifyRequest, { systemId?: string; ended: boolean }>();
  const end = (request: FastifyRequest) => {
    const tracked = inFlight.get(request);
    if (!tracked || tracked.ended) return;
    tracked.ended = true;
    ctx.stats.end(tracked.systemId);
  };

  server.addHook('onRequest', async (request, reply) => {
    if (!isRedfish(request.url)) return;
    const key = pathKey(request.url);
    const systemId = ctx.clones.resolve(key)?.clone.id;
    inFlight.set(request, { systemId, ended: false });
    ctx.stats.begin(systemId);
    const fault = ctx.faults.decide(systemId);
    if (fault.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault.drop) {
      end(request);
      reply.hijack();
      request.raw.socket?.destroy();
      return;
    }
    if (fault.error) {
      const headers: Record<string, string> = fault.error.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.error.retryAfterSeconds) } : {};
      return sendError(reply, new RedfishError(fault.error.status, 'InternalError', 'The request failed due to an injected fault.', headers));
    }
    const denied = ctx.auth.check(request.method, key, request.headers);
    if (denied) return sendError(reply, denied);
  });
  server.addHook('onResponse', async (request) => end(request));
  server.addHook('onRequestAbort', async (request) => end(request));

  const redfish = async (request: FastifyRequest, reply: FastifyReply) =>
    send(reply, routeRedfish(request.method, request.url, request.headers, request.body, ctx));
  server.route({ method: METHODS, url: '/redfish', handler: redfish });
  server.route({ method: METHODS, url: '/redfish/*', handler: redfish });
  registerControlRoutes(server, control);

  server.setNotFoundHandler(async (request, reply) => sendError(reply, new RedfishError(404, 'ResourceMissingAtURI', `The resource at the URI ${request.url} was not found.`)));
  server.setErrorHandler(async (error, request, reply) => {
    if (error instanceof RedfishError) return sendError(reply, error);
    if (error instanceof UnknownSystemError) return reply.code(404).send({ error: error.message });
    if (error instanceof VbmcInputError) return reply.code(400).send({ error: error.message });
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    const message = error instanceof Error ? error.message : String(error);
    if (!isRedfish(request.url)) return reply.code(status).send({ error: message });
    return sendError(reply, new RedfishError(status, status < 500 ? 'GeneralError' : 'InternalError', message));
  });
  return server;
}

function isRedfish(url: string): boolean {
  return /^\/+redfish(?:[/?#]|$)/i.test(url);
}

function send(reply: FastifyReply, result: RedfishReply): FastifyReply {
  reply.code(result.status).header('OData-Version', '4.0');
  for (const [name, value] of Object.entries(result.headers ?? {})) reply.header(name, value);
  if (result.body === undefined) return reply.send();
  const { json, etag } = serialise(result.body);
  if (result.etag) reply.header('ETag', etag);
  return reply.type('application/json; charset=utf-8').send(json);
}

function sendError(reply: FastifyReply, error: RedfishError): FastifyReply {
  return send(reply, { status: error.status, body: error.toBody(), headers: error.headers });
}
