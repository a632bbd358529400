/** A wait for a slot cut short because its process is shutting down: the work may run elsewhere, later. */
export class SlotsClosedError extends Error {
  readonly retryable = true;

  constructor(slots: string) {
    super(`the ${slots} slots of this process are closed`);
    this.name = 'SlotsClosedError';
  }
}
