// One broadcast listener: its own exclusive, auto-deleted queue bound to the fanout exchange, so
// every subscriber in the cluster gets every event. Re-created on each reconnect (events sent while
// disconnected are missed; listeners keep a periodic refresh as their fallback).
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { type Logger } from '@slipway/logging';
import { BroadcastHandler } from '../rpc-transport';
import { RPC_HEADERS } from '../wire/rpc-wire-format';

export interface AmqpBroadcastSubscriptionHooks {
  onBroken(reason: string): void;
}

export class AmqpBroadcastSubscription {
  private channel: Channel | undefined;
  private closing = false;

  constructor(
    private readonly exchange: string,
    private readonly handler: BroadcastHandler,
    private readonly hooks: AmqpBroadcastSubscriptionHooks,
    private readonly log: Logger,
  ) {}

  async attach(model: ChannelModel): Promise<void> {
    if (this.closing) return;
    const channel = await model.createChannel();
    channel.on('error', (error: Error) => this.log.warn({ err: error }, 'broadcast channel error'));
    channel.on('close', () => {
      if (this.channel !== channel || this.closing) return;
      this.channel = undefined;
      this.hooks.onBroken('a broadcast channel closed');
    });
    try {
      const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
      await channel.bindQueue(queue, this.exchange, '');
      await channel.consume(queue, (message) => this.deliver(channel, message), { noAck: true });
      this.channel = channel;
    } catch (error) {
      await channel.close().catch(() => undefined);
      throw error;
    }
  }

  detach(): void {
    this.channel = undefined;
  }

  async close(): Promise<void> {
    this.closing = true;
    const channel = this.channel;
    this.channel = undefined;
    // Closing the channel deletes the exclusive queue with it.
    if (channel) await channel.close().catch(() => undefined);
  }

  private deliver(channel: Channel, message: ConsumeMessage | null): void {
    if (message === null) {
      if (this.channel === channel && !this.closing) this.hooks.onBroken('a broadcast queue was deleted');
      return;
    }
    const event = message.properties.headers?.[RPC_HEADERS.event];
    let payload: unknown;
    try {
      payload = JSON.parse(message.content.toString('utf8'));
    } catch {
      this.log.warn({ event }, 'dropped a broadcast whose body is not JSON');
      return;
    }
    if (typeof event !== 'string') {
      this.log.warn('dropped a broadcast without an event name');
      return;
    }
    Promise.resolve()
      .then(() => this.handler(event, payload))
      .catch((error: unknown) => this.log.warn({ event, err: error }, 'broadcast handler failed'));
  }
}
