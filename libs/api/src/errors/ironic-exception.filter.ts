import { ArgumentsHost, Catch, ExceptionFilter, HttpException, NotFoundException } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ironicErrorResponse, MethodNotAllowedError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { routeTableOf } from '@slipway/runtime';
import { domainErrorFromHttp, isFastifyHttpError } from './http-exception-to-domain';

/** The one place errors become HTTP answers, in Ironic's body format and status codes. */
@Catch()
export class IronicExceptionFilter implements ExceptionFilter {
  private readonly log = getLogger('IronicExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const error = this.methodNotAllowed(exception, request) ?? (exception instanceof HttpException || isFastifyHttpError(exception) ? domainErrorFromHttp(exception, request.method) : exception);
    const response = ironicErrorResponse(error);
    if (error instanceof DomainError && error.retryable && response.status >= 500) {
      // Expected while the cluster heals (a conductor died, the broker restarts): the client is
      // told to retry, and one line without a stack says why.
      this.log.warn({ code: error.code, reason: error.message, method: request.method, url: request.url }, 'request failed; retryable');
    } else if (response.status >= 500) {
      this.log.error({ err: exception, method: request.method, url: request.url }, 'request failed');
    }
    void reply.status(response.status).headers(response.headers).send(response.body);
  }

  /** No route for this verb, but some for the path: 405 naming the verbs it takes, as Ironic. */
  private methodNotAllowed(exception: unknown, request: FastifyRequest): MethodNotAllowedError | undefined {
    if (!(exception instanceof NotFoundException) || request.routeOptions.url) return undefined;
    const allowed = routeTableOf(request.server)?.allowedMethods(request.url) ?? [];
    return allowed.length ? new MethodNotAllowedError({ method: request.method, allowed }) : undefined;
  }
}
