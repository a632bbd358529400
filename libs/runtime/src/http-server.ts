import { randomUUID } from 'node:crypto';
import { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { correlation } from '@slipway/logging';
import { useJsonBodyParser } from './json-body-parser';
import { NestPinoLogger } from './nest-logger';
import { trackRoutes } from './route-table';

export interface HttpServerOptions {
  host: string;
  port: number;
  /** Largest accepted request body; larger ones get 413. */
  bodyLimit: number;
}

export const REQUEST_ID_HEADER = 'openstack-request-id';

/**
 * Builds the Fastify-backed Nest application every HTTP-serving app uses. Each request runs in
 * its own correlation context, named by Ironic's `Openstack-Request-Id` (`req-<uuid>`).
 */
export async function createHttpApp(root: Type<unknown> | DynamicModule, options: HttpServerOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: options.bodyLimit, routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true } });
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, { logger: new NestPinoLogger(), abortOnError: false, bodyParser: false });
  const fastify = app.getHttpAdapter().getInstance();
  useJsonBodyParser(fastify);
  trackRoutes(fastify);
  fastify.addHook('onRequest', (_request, reply, done) => {
    const requestId = `req-${randomUUID()}`;
    reply.header('Openstack-Request-Id', requestId);
    correlation.run(requestId, () => done());
  });
  return app;
}

export async function listen(app: NestFastifyApplication, options: HttpServerOptions): Promise<string> {
  await app.listen(options.port, options.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
}
