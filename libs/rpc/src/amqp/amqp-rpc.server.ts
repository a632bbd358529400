// Consumes one conductor host's queues: the durable one (casts) and the auto-deleted call queue.
// Deliveries are handled concurrently (up to `prefetch` at once). A message is acknowledged when
// its handler starts, so a handler runs at most once: after a lost connection the broker
// redelivers only what had not started. Every outcome, including a malformed message, becomes a
// reply; nothing a message contains can stop the consumer.
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { type Logger } from '@slipway/logging';
import { RpcServer } from '../rpc-transport';
import { RpcDispatcher } from '../wire/rpc-dispatcher';
import { conductorShuttingDown } from '../errors/rpc-failures';
import { JSON_CONTENT_TYPE, RPC_HEADERS, RpcReply, encodeReply, errorReply } from '../wire/rpc-wire-format';
import { AmqpTopology } from './amqp-rpc.options';
import { ConcurrencyLimiter } from './concurrency-limiter';

export interface AmqpRpcServerHooks {
  /** The channel failed (or the queue was deleted) while the connection stayed up. */
  onBroken(reason: string): void;
  onClosed(server: AmqpRpcServer): void;
}

export class AmqpRpcServer implements RpcServer {
  private channel: Channel | undefined;
  private consumerTags: string[] = [];
  private closing = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly limiter: ConcurrencyLimiter;

  constructor(
    readonly host: string,
    private readonly dispatcher: RpcDispatcher,
    private readonly topology: AmqpTopology,
    private readonly prefetch: number,
    private readonly hooks: AmqpRpcServerHooks,
    private readonly log: Logger,
  ) {
    this.limiter = new ConcurrencyLimiter(prefetch);
  }

  /** Declares the host's queue and starts consuming it on this connection. */
  async attach(model: ChannelModel): Promise<void> {
    if (this.closing) return;
    const channel = await model.createChannel();
    channel.on('error', (error: Error) => this.log.warn({ host: this.host, err: error }, 'RPC server channel error'));
    channel.on('close', () => {
      if (this.channel !== channel || this.closing) return;
      this.channel = undefined;
      this.hooks.onBroken(`the RPC server channel of ${this.host} closed`);
    });
    try {
      await channel.prefetch(this.prefetch);
      const queues = [
        { name: this.topology.queueFor(this.host), routingKey: this.topology.routingKeyFor(this.host), options: { durable: true } },
        { name: this.topology.callQueueFor(this.host), routingKey: this.topology.callRoutingKeyFor(this.host), options: { durable: false, autoDelete: true } },
      ];
      const consumerTags: string[] = [];
      for (const queue of queues) {
        await channel.assertQueue(queue.name, queue.options);
        await channel.bindQueue(queue.name, this.topology.rpcExchange, queue.routingKey);
        consumerTags.push((await channel.consume(queue.name, (message) => this.onDelivery(channel, message), { noAck: false })).consumerTag);
      }
      this.channel = channel;
      this.consumerTags = consumerTags;
    } catch (error) {
      await channel.close().catch(() => undefined);
      throw error;
    }
  }

  /** The connection is gone; unacknowledged deliveries go back to the queue on the broker side. */
  detach(): void {
    this.channel = undefined;
    this.consumerTags = [];
  }

  /**
   * Drains: casts stop first (they stay in the durable queue for the next server); calls that
   * arrive meanwhile are answered at once with `conductorShuttingDown`; the handlers running
   * finish and answer. Only then is the call queue's consumer cancelled, which deletes that queue:
   * callers watch for a call queue that vanished under their call (CalleeWatch), and a queue that
   * outlives the drain tells them this server did not die holding their call.
   */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.hooks.onClosed(this);
    const { channel, consumerTags } = this;
    const [castConsumer, callConsumer] = consumerTags;
    if (channel && castConsumer) await channel.cancel(castConsumer).catch(() => undefined);
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    if (channel && callConsumer) await channel.cancel(callConsumer).catch(() => undefined);
    this.channel = undefined;
    if (channel) await channel.close().catch(() => undefined);
  }

  private onDelivery(channel: Channel, message: ConsumeMessage | null): void {
    if (message === null) {
      // The broker cancelled the consumer: someone deleted the queue. A restart declares it again.
      if (this.channel === channel && !this.closing) this.hooks.onBroken(`the queue of ${this.host} was deleted`);
      return;
    }
    const receivedAt = Date.now();
    // While draining, a refusal must not wait behind the handlers still running.
    const work = (this.closing ? this.refuse(channel, message) : this.limiter.run(() => this.handle(channel, message, receivedAt)))
      .catch((error: unknown) => this.log.error({ host: this.host, err: error }, 'RPC delivery handling failed'))
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /** Not started: a cast goes back to the durable queue for the next server; a call is answered at once. */
  private async refuse(channel: Channel, message: ConsumeMessage): Promise<void> {
    try {
      if (isCall(message)) {
        channel.ack(message);
        this.reply(channel, message, errorReply(conductorShuttingDown(this.host)));
      } else {
        channel.nack(message, false, true);
      }
    } catch {
      // channel already gone: the broker requeues it anyway
    }
  }

  private async handle(channel: Channel, message: ConsumeMessage, receivedAt: number): Promise<void> {
    if (this.closing) return this.refuse(channel, message);
    try {
      channel.ack(message);
    } catch {
      return; // the channel died before the handler started: the broker redelivers the message
    }
    if (waitedPastExpiration(message, receivedAt)) {
      // The broker drops calls that expire in the queue; this one expired waiting for a handler
      // slot here. Its caller has given up, so it must not run now.
      this.log.warn({ host: this.host, method: message.properties.headers?.[RPC_HEADERS.method] }, 'dropped an RPC call whose caller gave up while it waited for a handler');
      return;
    }

    const headers: Record<string, unknown> = message.properties.headers ?? {};
    const method = headers[RPC_HEADERS.method];
    const reply = await this.dispatcher.dispatch({
      method,
      version: headers[RPC_HEADERS.version],
      correlationId: headers[RPC_HEADERS.correlationId],
      body: message.content,
    });

    if (!isCall(message)) {
      if (!reply.ok) this.log.warn({ host: this.host, method, error: reply.error }, 'RPC cast failed');
      return;
    }
    this.reply(channel, message, reply);
  }

  private reply(channel: Channel, message: ConsumeMessage, reply: RpcReply): void {
    const { replyTo, correlationId } = message.properties;
    // The caller's reply address lives on the caller's connection, so any live channel of ours can
    // answer: after a reconnect of ours the reply still reaches a caller that stayed connected.
    const out = this.channel ?? channel;
    try {
      out.publish('', replyTo as string, encodeReply(reply), { correlationId, contentType: JSON_CONTENT_TYPE });
    } catch (error) {
      this.log.warn({ host: this.host, method: message.properties.headers?.[RPC_HEADERS.method], err: error }, 'could not send an RPC reply: the broker connection was lost');
    }
  }
}

/** A call carries the address of its waiting caller; a cast has none. */
function isCall(message: ConsumeMessage): boolean {
  const { replyTo } = message.properties;
  return typeof replyTo === 'string' && replyTo !== '';
}

/** A call's `expiration` is the caller's remaining patience when sent; measured here from delivery. */
function waitedPastExpiration(message: ConsumeMessage, receivedAt: number): boolean {
  const expiration = Number(message.properties.expiration);
  return isCall(message) && Number.isFinite(expiration) && expiration > 0 && Date.now() - receivedAt > expiration;
}
