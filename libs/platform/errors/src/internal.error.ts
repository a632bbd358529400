import { DomainError, type ErrorDetails } from './domain-error';

/** A message that says nothing about internals: what clients see for an unexpected failure. */
export const INTERNAL_ERROR_MESSAGE = 'An internal error occurred.';

/**
 * 500: a failure on our side. Unexpected exceptions become this with the generic message and the
 * original kept as `cause` (for logs and debug tracebacks only). Operational failures below extend
 * it with messages that are safe to show.
 */
export class InternalError<D extends ErrorDetails = ErrorDetails> extends DomainError<D> {
  static override readonly code: string = 'InternalError';
  static override readonly httpStatus: number = 500;

  constructor(message = INTERNAL_ERROR_MESSAGE, details: D = {} as D, options?: ErrorOptions) {
    super(message, details, options);
  }
}
