import { ConflictError, ForbiddenError, InternalError, NotAuthorizedError, NotFoundError, registerDomainErrors } from '@slipway/errors';

// The boot action API's refusals, with Drydock's statuses: 404 for an unknown node or action,
// 401 without the node's key, 403 with another key, 409 for an action already final, and 500 when
// the design's assets cannot be rendered (the node asked well; the design must be mended).

export class BootActionNotFoundError extends NotFoundError<{ action: string }> {
  static override readonly code = 'BootActionNotFound';
  constructor(params: { action: string }) {
    super(`Boot action ${params.action} not found.`, params);
  }
}

export class BootActionContextNotFoundError extends NotFoundError<{ node: string }> {
  static override readonly code = 'BootActionContextNotFound';
  constructor(params: { node: string }) {
    super(`Error locating boot action for ${params.node}: no deploy of it registered boot actions.`, params);
  }
}

export class BootActionKeyMissingError extends NotAuthorizedError {
  static override readonly code = 'BootActionKeyMissing';
  constructor() {
    super('No X-Bootaction-Key: the node must send the key its deploy gave it.');
  }

  override headers(): Record<string, string> {
    return { 'WWW-Authenticate': 'Bootaction-Key' };
  }
}

export class BootActionKeyInvalidError extends ForbiddenError<{ node: string }> {
  static override readonly code = 'BootActionKeyInvalid';
  constructor(params: { node: string }) {
    super(`Invalid X-Bootaction-Key for node ${params.node}.`, params);
  }
}

export class BootActionFinalizedError extends ConflictError<{ action: string; status: string }> {
  static override readonly code = 'BootActionFinalized';
  constructor(params: { action: string; status: string }) {
    super(`Action ${params.action} status finalized (${params.status}), not available for update.`, params);
  }
}

export class BootActionRenderError extends InternalError<{ node: string }> {
  static override readonly code = 'BootActionRender';
  constructor(params: { node: string; reason: string }) {
    super(`The boot action assets of node ${params.node} cannot be rendered: ${params.reason}`, { node: params.node });
  }
}

registerDomainErrors(BootActionNotFoundError, BootActionContextNotFoundError, BootActionKeyMissingError, BootActionKeyInvalidError, BootActionFinalizedError, BootActionRenderError);
