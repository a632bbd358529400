import { HttpException } from '@nestjs/common';
import {
  DomainError,
  InternalError,
  InvalidError,
  MethodNotAllowedError,
  NotAcceptableError,
  NotFoundError,
  RequestEntityTooLargeError,
} from '@slipway/errors';

/**
 * Errors raised by Nest or Fastify themselves (unknown route, oversized or malformed body) become
 * the matching domain error, so every answer leaves through the same Ironic-format path.
 */
export function domainErrorFromHttp(exception: HttpException | FastifyHttpError, method: string): DomainError {
  const status = exception instanceof HttpException ? exception.getStatus() : exception.statusCode;
  switch (status) {
    case 400:
      return new InvalidError(exception.message);
    case 404:
      return new NotFoundError('The resource could not be found.');
    case 405:
      return new MethodNotAllowedError({ method });
    case 406:
      return new NotAcceptableError(exception.message);
    case 413:
      return new RequestEntityTooLargeError();
    case 415:
      return new InvalidError(exception.message);
    default:
      return status >= 400 && status < 500 ? new InvalidError(exception.message) : new InternalError();
  }
}

/** Fastify's own errors (body too large, invalid JSON, unsupported media type) carry `statusCode`. */
export interface FastifyHttpError extends Error {
  statusCode: number;
  code?: string;
}

export function isFastifyHttpError(value: unknown): value is FastifyHttpError {
  return value instanceof Error && typeof (value as { statusCode?: unknown }).statusCode === 'number';
}
