/** RabbitMQ could not be reached: the message names the URL (password masked) and the cause. */
export class BrokerUnavailableError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`cannot reach the message broker at ${url}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'BrokerUnavailableError';
  }
}

/** The URL with its password masked, fit for logs and error messages. */
export function describeBrokerUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}
