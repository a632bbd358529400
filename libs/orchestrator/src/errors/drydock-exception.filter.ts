import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { toDomainError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { drydockErrorBody } from './drydock-error-body';
import { InvalidSiteDesignError } from './site-design.error';

/**
 * Errors of the orchestrator's API leave in Drydock's body: `{type, message, retry}`; a refused
 * design adds `problems` (each with its document, field, file and line).
 */
@Catch()
export class DrydockExceptionFilter implements ExceptionFilter {
  private readonly log = getLogger('DrydockExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof HttpException) {
      void reply.status(exception.getStatus()).send(drydockErrorBody(exception.message, false));
      return;
    }
    const error = toDomainError(exception);
    if (error.httpStatus >= 500) this.log.error({ err: exception }, 'request failed');
    const extra = error instanceof InvalidSiteDesignError ? { problems: error.details.problems } : {};
    void reply.status(error.httpStatus).headers(error.headers()).send(drydockErrorBody(error.message, error.retryable, extra));
  }
}
