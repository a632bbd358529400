// The publishing side of one broker connection: a channel that sends calls and receives their
// replies through direct reply-to, and a confirm channel for casts and broadcasts. Rebuilt on every
// reconnect; the transport keeps the calls, so a session only moves bytes.
import { randomUUID } from 'node:crypto';
import type { Channel, ChannelModel, ConfirmChannel, ConsumeMessage, Message, Options } from 'amqplib';
import { type Logger } from '@slipway/logging';
import { JSON_CONTENT_TYPE } from '../wire/rpc-wire-format';
import { AmqpTopology, DIRECT_REPLY_TO } from './amqp-rpc.options';
import { OutgoingCall } from './pending-calls';

export interface AmqpSessionHooks {
  onReply(message: ConsumeMessage): void;
  /** A call came back unroutable (mandatory flag): no queue is bound for its host. */
  onReturnedCall(message: Message): void;
  /** A channel failed while the connection stayed up. */
  onBroken(reason: string): void;
}

export type ConfirmOutcome = 'routed' | 'unroutable';

/** AMQP reply code of a passive declare of a queue that does not exist. */
const NOT_FOUND = 404;

export class AmqpSession {
  private closing = false;
  private readonly returnedIds = new Set<string>();

  private constructor(
    readonly model: ChannelModel,
    private readonly topology: AmqpTopology,
    private readonly callChannel: Channel,
    private readonly confirmChannel: ConfirmChannel,
  ) {}

  static async open(model: ChannelModel, topology: AmqpTopology, hooks: AmqpSessionHooks, log: Logger): Promise<AmqpSession> {
    const confirmChannel = await model.createConfirmChannel();
    confirmChannel.on('error', (error: Error) => log.warn({ err: error }, 'publisher channel error'));
    await confirmChannel.assertExchange(topology.rpcExchange, 'topic', { durable: true });
    await confirmChannel.assertExchange(topology.eventsExchange, 'fanout', { durable: true });

    const callChannel = await model.createChannel();
    callChannel.on('error', (error: Error) => log.warn({ err: error }, 'call channel error'));
    // Direct reply-to: the consumer must exist, in no-ack mode, before the first call goes out.
    await callChannel.consume(DIRECT_REPLY_TO, (message) => message && hooks.onReply(message), { noAck: true });

    const session = new AmqpSession(model, topology, callChannel, confirmChannel);
    callChannel.on('return', (message: Message) => hooks.onReturnedCall(message));
    confirmChannel.on('return', (message: Message) => {
      if (typeof message.properties.messageId === 'string') session.returnedIds.add(message.properties.messageId);
    });
    for (const channel of [callChannel, confirmChannel]) {
      channel.on('close', () => {
        if (!session.closing) hooks.onBroken('a publisher channel closed');
      });
    }
    return session;
  }

  /** Throws when the channel is already unusable; the caller then waits for the next session. */
  publishCall(call: OutgoingCall, remainingMs: number): void {
    this.callChannel.publish(this.topology.rpcExchange, this.topology.callRoutingKeyFor(call.host), call.body, {
      mandatory: true,
      replyTo: DIRECT_REPLY_TO,
      correlationId: call.id,
      messageId: call.id,
      contentType: JSON_CONTENT_TYPE,
      headers: call.headers,
      // A request nobody took before the caller gave up must not run later: it expires in the queue.
      expiration: String(Math.max(1, Math.ceil(remainingMs))),
      timestamp: Math.floor(Date.now() / 1000),
      appId: 'slipway',
    });
  }

  /**
   * Resolves once the broker has taken the message: `unroutable` when it was mandatory and no queue
   * was bound (the broker sends basic.return before the ack). Rejects on nack or a lost channel.
   */
  publishConfirmed(exchange: string, routingKey: string, body: Buffer, options: Options.Publish): Promise<ConfirmOutcome> {
    const messageId = options.messageId ?? randomUUID();
    return new Promise<ConfirmOutcome>((resolve, reject) => {
      try {
        this.confirmChannel.publish(exchange, routingKey, body, { ...options, messageId, contentType: JSON_CONTENT_TYPE }, (error: unknown) => {
          const returned = this.returnedIds.delete(messageId);
          if (error) reject(error instanceof Error ? error : new Error(String(error)));
          else resolve(returned ? 'unroutable' : 'routed');
        });
      } catch (error) {
        reject(error);
      }
    });
  }

  /** One broker round trip with no side effect: open and close a channel. */
  async checkBroker(): Promise<void> {
    const channel = await this.model.createChannel();
    channel.on('error', () => undefined);
    await channel.close();
  }

  /** Whether `queue` exists (a passive declare on a channel of its own: a 404 closes that channel). */
  async queueExists(queue: string): Promise<boolean> {
    const channel = await this.model.createChannel();
    channel.on('error', () => undefined);
    try {
      await channel.checkQueue(queue);
    } catch (error) {
      if ((error as { code?: unknown }).code === NOT_FOUND) return false;
      throw error;
    }
    await channel.close().catch(() => undefined);
    return true;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([this.callChannel.close(), this.confirmChannel.close()]);
  }
}
