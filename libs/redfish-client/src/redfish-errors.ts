/** Something a BMC or the way to it did wrong; `url` names the resource asked for. */
export class RedfishError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The BMC could not be reached or did not answer in time (after the retries). */
export class RedfishConnectionError extends RedfishError {
  constructor(url: string, reason: string) {
    super(`Cannot reach the BMC at ${url}: ${reason}.`, url);
  }
}

/** The BMC answered with an error status; `messages` are its Redfish extended messages. */
export class RedfishHttpError extends RedfishError {
  constructor(
    readonly method: string,
    url: string,
    readonly status: number,
    readonly messages: readonly string[],
  ) {
    super(`The BMC answered ${method} ${url} with HTTP ${status}${messages.length ? `: ${messages.join(' ')}` : ''}.`, url);
  }
}

/** The credentials were refused (401/403), even after a new session. */
export class RedfishAccessError extends RedfishHttpError {}

/**
 * The messages of a Redfish error body: `error.message` and each `@Message.ExtendedInfo` entry's
 * `Message` (or its `MessageId` when it has none). Tolerant: BMCs put odd things there.
 */
export function redfishMessages(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const error = (body as Record<string, unknown>)['error'];
  if (typeof error !== 'object' || error === null) return [];
  const { message, ['@Message.ExtendedInfo']: extended } = error as Record<string, unknown>;
  const details = Array.isArray(extended)
    ? extended.flatMap((entry) => {
        const { Message: text, MessageId: id } = (entry ?? {}) as Record<string, unknown>;
        return typeof text === 'string' ? [text] : typeof id === 'string' ? [id] : [];
      })
    : [];
  return details.length > 0 ? details : typeof message === 'string' ? [message] : [];
}
