// Consumes one conductor host's queue. Deliveries are handled concurrently (up to `prefetch` at
// once). A message is acknowledged when its handler starts, so a handler runs at most once: after
// a lost connection the broker redelivers only what had not started. Every outcome, including a
// malformed message, becomes a reply; nothing a message contains can stop the consumer.
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { type Logger } from '@slipway/logging';
import { RpcServer } from '../rpc-transport';
import { RpcDispatcher } from '../wire/rpc-dispatcher';
import { JSON_CONTENT_TYPE, RPC_HEADERS, encodeReply } from '../wire/rpc-wire-format';
import { AmqpTopology } from './amqp-rpc.options';
import { ConcurrencyLimiter } from './concurrency-limiter';

export interface AmqpRpcServerHooks {
  /** The channel failed (or the queue was deleted) while the connection stayed up. */
  onBroken(reason: string): void;
  onClosed(server: AmqpRpcServer): void;
}

export class AmqpRpcServer implements RpcServer {
  private channel: Channel | undefined;
  private consumerTag: string | undefined;
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
      const queue = this.topology.queueFor(this.host);
      await channel.prefetch(this.prefetch);
      await channel.assertQueue(queue, { durable: true });
      await channel.bindQueue(queue, this.topology.rpcExchange, this.topology.routingKeyFor(this.host));
      const { consumerTag } = await channel.consume(queue, (message) => this.onDelivery(channel, message), { noAck: false });
      this.channel = channel;
      this.consumerTag = consumerTag;
    } catch (error) {
      await channel.close().catch(() => undefined);
      throw error;
    }
  }

  /** The connection is gone; unacknowledged deliveries go back to the queue on the broker side. */
  detach(): void {
    this.channel = undefined;
    this.consumerTag = undefined;
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.hooks.onClosed(this);
    const { channel, consumerTag } = this;
    if (channel && consumerTag) await channel.cancel(consumerTag).catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    this.channel = undefined;
    if (channel) await channel.close().catch(() => undefined);
  }

  private onDelivery(channel: Channel, message: ConsumeMessage | null): void {
    if (message === null) {
      // The broker cancelled the consumer: someone deleted the queue. A restart declares it again.
      if (this.channel === channel && !this.closing) this.hooks.onBroken(`the queue of ${this.host} was deleted`);
      return;
    }
    const work = this.limiter
      .run(() => this.handle(channel, message))
      .catch((error: unknown) => this.log.error({ host: this.host, err: error }, 'RPC delivery handling failed'))
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  private async handle(channel: Channel, message: ConsumeMessage): Promise<void> {
    if (this.closing) {
      // Not started: back to the queue for whoever serves this host next.
      try {
        channel.nack(message, false, true);
      } catch {
        // channel already gone: the broker requeues it anyway
      }
      return;
    }
    try {
      channel.ack(message);
    } catch {
      return; // the channel died before the handler started: the broker redelivers the message
    }

    const headers: Record<string, unknown> = message.properties.headers ?? {};
    const method = headers[RPC_HEADERS.method];
    const reply = await this.dispatcher.dispatch({
      method,
      version: headers[RPC_HEADERS.version],
      correlationId: headers[RPC_HEADERS.correlationId],
      body: message.content,
    });

    const { replyTo, correlationId } = message.properties;
    if (typeof replyTo !== 'string' || replyTo === '') {
      if (!reply.ok) this.log.warn({ host: this.host, method, error: reply.error }, 'RPC cast failed');
      return;
    }
    // The caller's reply address lives on the caller's connection, so any live channel of ours can
    // answer: after a reconnect of ours the reply still reaches a caller that stayed connected.
    const out = this.channel ?? channel;
    try {
      out.publish('', replyTo, encodeReply(reply), { correlationId, contentType: JSON_CONTENT_TYPE });
    } catch (error) {
      this.log.warn({ host: this.host, method, err: error }, 'could not send an RPC reply: the broker connection was lost');
    }
  }
}
