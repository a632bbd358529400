/** Redis could not be reached: the message names the URL (password masked) and the cause. */
export class RedisUnavailableError extends Error {
  constructor(readonly url: string, cause: unknown) {
    super(`cannot reach Redis at ${url}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'RedisUnavailableError';
  }
}
