/** A node job that should run again after its back-off (a conductor away, a node locked by other work). */
export class NodeJobRetryError extends Error {
  readonly retryable = true;

  constructor(subtaskId: string, reason: string) {
    super(`node job of subtask ${subtaskId} will be retried: ${reason}`);
    this.name = 'NodeJobRetryError';
  }
}
