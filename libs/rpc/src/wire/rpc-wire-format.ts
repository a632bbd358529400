// The message format both transports use, so a request or reply crosses the in-process transport
// exactly as it crosses RabbitMQ: JSON bodies, method/version/correlation id beside the body.
import { DomainError, WireError, errorFromWire, isWireError, toDomainError } from '@slipway/errors';

/** AMQP header names (the in-process transport carries the same three fields). */
export const RPC_HEADERS = {
  method: 'method',
  version: 'version',
  /** The caller's log correlation id; not the AMQP `correlationId` property, which pairs a reply with its call. */
  correlationId: 'x-correlation-id',
  /** Broadcast event name. */
  event: 'event',
} as const;

export const JSON_CONTENT_TYPE = 'application/json';

export type RpcReply = { ok: true; result?: unknown } | { ok: false; error: WireError };

/** What a server needs from one incoming message, whichever transport delivered it. */
export interface IncomingRpcRequest {
  method: unknown;
  version: unknown;
  correlationId: unknown;
  body: Buffer;
}

export function encodeJson(value: unknown, what: string): Buffer {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new TypeError(`${what} is not JSON-serialisable: ${error instanceof Error ? error.message : String(error)}`);
  }
  return Buffer.from(text ?? 'null');
}

/** Never throws: a result that cannot be serialised becomes an internal-error reply. */
export function encodeReply(reply: RpcReply): Buffer {
  try {
    return encodeJson(reply, 'RPC reply');
  } catch (error) {
    return encodeJson(errorReply(toDomainError(error)), 'RPC error reply');
  }
}

export function errorReply(error: DomainError): RpcReply {
  return { ok: false, error: error.toWire() };
}

/** Returns the result of a reply, or throws the DomainError it carries (same class as on the server). */
export function readReply(body: Buffer): unknown {
  let reply: unknown;
  try {
    reply = JSON.parse(body.toString('utf8'));
  } catch {
    throw toDomainError(new Error('RPC reply is not valid JSON'));
  }
  if (isObject(reply) && reply.ok === true) return reply.result;
  if (isObject(reply) && reply.ok === false && isWireError(reply.error)) throw errorFromWire(reply.error);
  throw toDomainError(new Error('RPC reply has neither a result nor an error'));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
