import { InvalidStateError, NotFoundError, registerDomainErrors, TemporaryFailureError } from '@slipway/errors';

export class SiteTaskNotFoundError extends NotFoundError<{ task: string }> {
  static override readonly code = 'SiteTaskNotFound';
  constructor(params: { task: string }) {
    super(`Task ${params.task} not found.`, params);
  }
}

/** A task that finished cannot be terminated (409). */
export class SiteTaskFinishedError extends InvalidStateError<{ task: string; status: string }> {
  static override readonly code = 'SiteTaskFinished';
  constructor(params: { task: string; status: string }) {
    super(`Task ${params.task} is ${params.status}; there is nothing to terminate.`, params);
  }
}

/** The process serving the API has no task engine to hand tasks to (503, retryable). */
export class SiteTaskEngineUnavailableError extends TemporaryFailureError {
  static override readonly code = 'SiteTaskEngineUnavailable';
  constructor() {
    super('No task engine runs with this orchestrator API; tasks cannot be queued or terminated now.');
  }
}

registerDomainErrors(SiteTaskNotFoundError, SiteTaskFinishedError, SiteTaskEngineUnavailableError);
