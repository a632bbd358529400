import { DomainError, type ErrorDetails } from './domain-error';

/**
 * 403: the caller is known but may not do this. Ironic names its 403 base `NotAuthorized`; here
 * that name is kept for the 401 below, so the base is called Forbidden.
 */
export class ForbiddenError<D extends ErrorDetails = ErrorDetails> extends DomainError<D> {
  static override readonly code: string = 'Forbidden';
  static override readonly httpStatus: number = 403;

  constructor(message = 'Not authorized.', details: D = {} as D) {
    super(message, details);
  }
}

/** A policy check failed for a resource (Ironic `HTTPForbidden`). */
export class HTTPForbiddenError extends ForbiddenError<{ resource: string }> {
  static override readonly code = 'HTTPForbidden';
  constructor(params: { resource: string }) {
    super(`Access was denied to the following resource: ${params.resource}`, params);
  }
}

export class OperationNotPermittedError extends ForbiddenError {
  static override readonly code = 'OperationNotPermitted';
  constructor(message = 'Operation not permitted.') {
    super(message);
  }
}

/** Ironic answers 403 (a policy-like refusal), not 409, for protected nodes. */
export class NodeProtectedError extends ForbiddenError<{ node: string }> {
  static override readonly code = 'NodeProtected';
  constructor(params: { node: string }) {
    super(`Node ${params.node} is protected and cannot be undeployed, rebuilt or deleted`, params);
  }
}

/** A mutation was attempted under a shared lock: a programming error in the caller. */
export class ExclusiveLockRequiredError extends ForbiddenError {
  static override readonly code = 'ExclusiveLockRequired';
  constructor() {
    super('This operation needs an exclusive lock on the node, but only a shared one is held.');
  }
}

/**
 * 401: no credentials, or wrong ones. With http_basic, ironic-lib answers 401 with a Basic
 * challenge; clients such as gophercloud and Metal3 rely on that header to send credentials.
 */
export class NotAuthorizedError<D extends ErrorDetails = ErrorDetails> extends DomainError<D> {
  static override readonly code: string = 'NotAuthorized';
  static override readonly httpStatus: number = 401;

  constructor(message = 'Authorization required', details: D = {} as D) {
    super(message, details);
  }

  override headers(): Record<string, string> {
    return { 'WWW-Authenticate': 'Basic realm="Baremetal API"' };
  }
}
