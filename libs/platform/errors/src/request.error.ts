import { DomainError, type ErrorDetails } from './domain-error';

/**
 * Ironic `NotAcceptable` (406): mostly API version negotiation (a version outside the supported
 * range, a field or parameter newer than the requested version). Free-form message.
 */
export class NotAcceptableError<D extends ErrorDetails = ErrorDetails> extends DomainError<D> {
  static override readonly code: string = 'NotAcceptable';
  static override readonly httpStatus: number = 406;

  constructor(message = 'Request not acceptable.', details: D = {} as D) {
    super(message, details);
  }
}

/** 405 on a known path with an unsupported verb; lists the verbs in `Allow` as HTTP requires. */
export class MethodNotAllowedError extends DomainError<{ method: string; allowed?: string[] }> {
  static override readonly code = 'MethodNotAllowed';
  static override readonly httpStatus = 405;

  constructor(params: { method: string; allowed?: string[] }) {
    super(`The method ${params.method} is not allowed for this resource.`, params);
  }

  override headers(): Record<string, string> {
    const allowed = this.details.allowed;
    return allowed && allowed.length > 0 ? { Allow: allowed.join(', ') } : {};
  }
}

/** 413: the body exceeds the configured limit (SLIPWAY_MAX_BODY_BYTES). */
export class RequestEntityTooLargeError extends DomainError<{ limit?: number }> {
  static override readonly code = 'RequestEntityTooLarge';
  static override readonly httpStatus = 413;

  constructor(params: { limit?: number } = {}) {
    const suffix = params.limit === undefined ? '' : ` The limit is ${params.limit} bytes.`;
    super(`Request is too large.${suffix}`, params);
  }
}
