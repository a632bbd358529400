import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { NotAcceptableError } from '@slipway/errors';
import { API_MAX_VERSION, API_MIN_VERSION, ApiVersion, MAX_VERSION_HEADER, MIN_VERSION_HEADER, VERSION_HEADER } from './api-version';
import { negotiateVersion } from './negotiate-version';

export type VersionedRequest = FastifyRequest & { apiVersion?: ApiVersion };

/**
 * Negotiates the microversion of every Ironic API request and sets Ironic's three version
 * headers. A refused version answers 406 with the minimum and maximum headers (Ironic drops
 * them for an unparsable header; clients need them more then, so we always send them).
 */
@Injectable()
export class ApiVersionInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<VersionedRequest>();
    const reply = http.getResponse<FastifyReply>();
    reply.header(MIN_VERSION_HEADER, API_MIN_VERSION).header(MAX_VERSION_HEADER, API_MAX_VERSION);
    const negotiation = negotiateVersion(headerValue(request, VERSION_HEADER), headerValue(request, 'OpenStack-API-Version'));
    if (!negotiation.ok) throw new NotAcceptableError(negotiation.message);
    request.apiVersion = negotiation.version;
    reply.header(VERSION_HEADER, negotiation.version.toString());
    return next.handle();
  }
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
