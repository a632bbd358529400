import { DomainError, type ErrorDetails } from './domain-error';

/** Ironic `TemporaryFailure` (503): capacity or availability is short right now; retry later. */
export class TemporaryFailureError<D extends ErrorDetails = ErrorDetails> extends DomainError<D> {
  static override readonly code: string = 'TemporaryFailure';
  static override readonly httpStatus: number = 503;
  static override readonly retryable: boolean = true;

  constructor(message = 'Resource temporarily unavailable, please retry.', details: D = {} as D) {
    super(message, details);
  }
}

/** The conductor's worker pool is full. */
export class NoFreeConductorWorkerError extends TemporaryFailureError {
  static override readonly code = 'NoFreeConductorWorker';
  constructor() {
    super('Requested action cannot be performed due to lack of free conductor workers.');
  }
}

/**
 * Too many actions of one kind run at once. Like Ironic, the configured limit is not disclosed:
 * knowing it would help someone tune an attack.
 */
export class ConcurrentActionLimitError extends TemporaryFailureError<{ taskType: string }> {
  static override readonly code = 'ConcurrentActionLimit';
  constructor(params: { taskType: string }) {
    super(
      `The request cannot be processed now: too many ${params.taskType} actions are running. Try again later, or ask your administrator.`,
      params,
    );
  }
}

/**
 * The conductor that owns the node did not answer (RPC timeout, transport down). Slipway's own
 * class: Ironic surfaces this as an oslo.messaging timeout.
 */
export class ConductorUnavailableError extends TemporaryFailureError<{ conductor?: string; reason: string }> {
  static override readonly code = 'ConductorUnavailable';
  constructor(params: { conductor?: string; reason: string }) {
    const what = params.conductor === undefined ? 'No conductor is available' : `Conductor ${params.conductor} is unavailable`;
    super(`${what}: ${params.reason}`, params);
  }
}
