/**
 * The database could not be reached or refused us. The message names the URL (without its
 * password) and the cause in one line, so a start-up failure reads as one clear sentence
 * instead of a driver stack trace.
 */
export class DatabaseUnavailableError extends Error {
  constructor(
    /** The database URL with its password masked. */
    readonly url: string,
    /** Short cause, e.g. `ECONNREFUSED` or the server's message. */
    readonly reason: string,
  ) {
    super(`Cannot connect to the database at ${url}: ${reason}`);
    this.name = 'DatabaseUnavailableError';
  }
}
