// Settings of the AMQP transport and the broker names derived from them.
import { RpcTimer } from '../rpc-timer';

export interface AmqpRpcTransportOptions {
  /** amqp://user:pass@host:5672/vhost */
  url: string;
  /**
   * Prefix of every broker object: `<prefix>.rpc` (topic exchange), `<prefix>.events` (fanout
   * exchange), `<prefix>.conductor.<host>` (queues). Default `slipway`; tests use a unique one.
   */
  prefix?: string;
  /** Unacknowledged deliveries per server, and handlers run at once per server. Default 64. */
  prefetch?: number;
  /** Call timeout when neither the call nor the contract sets one. Default 60 s. */
  defaultTimeoutMs?: number;
  /** AMQP heartbeat, so a silently dead broker is noticed. Default 15 s. */
  heartbeatSeconds?: number;
  /** TCP connect + AMQP handshake budget of one attempt. Default 5 s. */
  connectTimeoutMs?: number;
  /** Reconnect back-off after the broker connection drops. */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Shown in the broker's connection list. */
  connectionName?: string;
  timer?: RpcTimer;
}

export interface AmqpTopology {
  readonly rpcExchange: string;
  readonly eventsExchange: string;
  /** The host's durable queue: casts wait in it while no server runs. */
  queueFor(host: string): string;
  routingKeyFor(host: string): string;
  /**
   * The host's call queue: auto-deleted when its last consumer goes (a crash included), so a call
   * to a host nobody serves comes back unroutable at once instead of waiting for its timeout.
   */
  callQueueFor(host: string): string;
  callRoutingKeyFor(host: string): string;
}

export const DEFAULT_AMQP_PREFIX = 'slipway';
export const DEFAULT_PREFETCH = 64;
export const DEFAULT_HEARTBEAT_SECONDS = 15;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** RabbitMQ's pseudo-queue for direct reply-to: replies skip a real queue. */
export const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

export function amqpTopology(prefix = DEFAULT_AMQP_PREFIX): AmqpTopology {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(prefix)) throw new TypeError(`invalid AMQP prefix ${JSON.stringify(prefix)}`);
  return {
    rpcExchange: `${prefix}.rpc`,
    eventsExchange: `${prefix}.events`,
    queueFor: (host) => `${prefix}.conductor.${host}`,
    routingKeyFor: (host) => `conductor.${host}`,
    callQueueFor: (host) => `${prefix}.conductor.${host}.calls`,
    callRoutingKeyFor: (host) => `call.${host}`,
  };
}

/** Sets the heartbeat in the URL unless the URL already chooses one. */
export function withHeartbeat(url: string, seconds: number): string {
  try {
    const parsed = new URL(url);
    if (!parsed.searchParams.has('heartbeat')) parsed.searchParams.set('heartbeat', String(seconds));
    return parsed.toString();
  } catch {
    return url; // amqplib reports the malformed URL itself
  }
}
