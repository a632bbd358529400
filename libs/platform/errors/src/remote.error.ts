import { DomainError } from './domain-error';

/**
 * An error from a peer whose type this process does not know (e.g. a newer conductor). It keeps
 * the peer's type and message, and gives the same type back when sent on, so relaying an error
 * never loses what it was.
 */
export class RemoteError extends DomainError {
  static override readonly code = 'RemoteError';
  static override readonly httpStatus = 500;

  readonly remoteType: string;

  constructor(params: { type: string; message: string; details?: Record<string, unknown> }) {
    super(params.message, params.details ?? {});
    this.remoteType = params.type;
  }

  override toWire() {
    return { ...super.toWire(), type: this.remoteType };
  }
}
