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
    super(sentence(`Cannot reach the BMC at ${url}: ${reason}`), url);
  }
}

/** What else a failed answer carried, for callers that react to a particular BMC message. */
export interface RedfishErrorDetails {
  /** `@Message.ExtendedInfo[].MessageId` (and `error.code`), e.g. `IDRAC.2.8.SYS029`. */
  messageIds?: readonly string[];
  /** The parsed error body, as the BMC sent it. */
  body?: unknown;
}

/** The BMC answered with an error status; `messages` are its Redfish extended messages. */
export class RedfishHttpError extends RedfishError {
  readonly messageIds: readonly string[];
  readonly body: unknown;

  constructor(
    readonly method: string,
    url: string,
    readonly status: number,
    readonly messages: readonly string[],
    details: RedfishErrorDetails = {},
  ) {
    super(sentence(`The BMC answered ${method} ${url} with HTTP ${status}${messages.length ? `: ${messages.join(' ')}` : ''}`), url);
    this.messageIds = details.messageIds ?? [];
    this.body = details.body;
  }

  /** Whether one of the BMC's message ids ends with `suffix` (registries prefix them with versions). */
  hasMessage(suffix: string): boolean {
    return this.messageIds.some((id) => id === suffix || id.endsWith(`.${suffix}`));
  }
}

/** The credentials were refused (401/403), even after a new session. */
export class RedfishAccessError extends RedfishHttpError {}

/** The resource is not there (404). Mockups and real BMCs link to resources they do not serve. */
export class RedfishNotFoundError extends RedfishHttpError {}

/**
 * The BMC refused another session (DMTF `SessionLimitExceeded`). Not an access error: falling
 * back to basic auth would hide the real problem, sessions left open by other clients.
 */
export class RedfishSessionLimitError extends RedfishHttpError {
  constructor(method: string, url: string, status: number, messages: readonly string[], details: RedfishErrorDetails = {}) {
    super(method, url, status, messages, details);
    this.message = `The BMC's session limit is reached: it refused to open another session (${method} ${url}, HTTP ${status}${messages.length ? `: ${messages.join(' ')}` : ''}).`;
  }
}

/** A value the BMC does not accept, found before sending it (its allowable values say so). */
export class RedfishInvalidValueError extends RedfishError {
  constructor(
    url: string,
    readonly parameter: string,
    readonly value: unknown,
    readonly allowed: readonly string[],
  ) {
    super(`${parameter} ${JSON.stringify(value)} is not accepted by ${url}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}.`, url);
  }
}

/** The resource lacks what was asked of it: an action, a link, a property. */
export class RedfishUnsupportedError extends RedfishError {
  constructor(
    url: string,
    readonly feature: string,
  ) {
    super(`${url} does not offer ${feature}.`, url);
  }
}

/** No single ComputerSystem matches (none, several, or not the one named); `ids` are those there are. */
export class RedfishSystemSelectionError extends RedfishError {
  constructor(
    url: string,
    reason: string,
    readonly ids: readonly string[],
  ) {
    super(`${reason} (systems at ${url}: ${ids.length ? ids.join(', ') : 'none'}).`, url);
  }
}

/** One Redfish message of a task or a settings object, as the BMC gave it. */
export interface RedfishMessage {
  messageId?: string;
  message?: string;
  severity?: string;
  messageArgs: readonly string[];
  relatedProperties: readonly string[];
}

/** A task ended without success (state not Completed, or status neither OK nor Warning). */
export class RedfishTaskError extends RedfishError {
  constructor(
    url: string,
    readonly taskState: string | undefined,
    readonly taskStatus: string | undefined,
    readonly taskMessages: readonly RedfishMessage[],
  ) {
    const texts = taskMessages.map((m) => m.message ?? m.messageId ?? '').filter((text) => text !== '');
    super(sentence(`The BMC task ${url} ended ${taskState ?? 'in an unknown state'} with status ${taskStatus ?? 'unknown'}${texts.length ? `: ${texts.join(' ')}` : ''}`), url);
  }
}

/** A wait (for a task) ran out of time; the work may still finish on the BMC. */
export class RedfishTimeoutError extends RedfishError {
  constructor(
    url: string,
    readonly timeoutMs: number,
  ) {
    super(`The BMC task ${url} did not finish within ${timeoutMs} ms.`, url);
  }
}

/**
 * The messages of a Redfish error body: `error.message` and each `@Message.ExtendedInfo` entry's
 * `Message` (or its `MessageId` when it has none). Tolerant: BMCs put odd things there.
 */
export function redfishMessages(body: unknown): string[] {
  const error = errorObject(body);
  if (!error) return [];
  const { message, ['@Message.ExtendedInfo']: extended } = error;
  const details = Array.isArray(extended)
    ? extended.flatMap((entry) => {
        const { Message: text, MessageId: id } = (entry ?? {}) as Record<string, unknown>;
        return typeof text === 'string' ? [text] : typeof id === 'string' ? [id] : [];
      })
    : [];
  return details.length > 0 ? details : typeof message === 'string' ? [message] : [];
}

/** The message ids of a Redfish error body: each extended entry's `MessageId`, and `error.code`. */
export function redfishMessageIds(body: unknown): string[] {
  const error = errorObject(body);
  if (!error) return [];
  const extended = error['@Message.ExtendedInfo'];
  const ids = Array.isArray(extended) ? extended.flatMap((entry) => (typeof entry?.MessageId === 'string' ? [entry.MessageId as string] : [])) : [];
  return typeof error['code'] === 'string' ? [...ids, error['code']] : ids;
}

/** The error for a failed answer: the most precise class its status and messages allow. */
export function httpError(method: string, url: string, status: number, body: unknown): RedfishHttpError {
  const messages = redfishMessages(body);
  const details = { messageIds: redfishMessageIds(body), body };
  if (details.messageIds.some((id) => id.endsWith('SessionLimitExceeded'))) return new RedfishSessionLimitError(method, url, status, messages, details);
  if (status === 401 || status === 403) return new RedfishAccessError(method, url, status, messages, details);
  if (status === 404) return new RedfishNotFoundError(method, url, status, messages, details);
  return new RedfishHttpError(method, url, status, messages, details);
}

function errorObject(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as Record<string, unknown>)['error'];
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : undefined;
}

/** Ends a message with a full stop, unless the BMC's text it ends with has one already. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
