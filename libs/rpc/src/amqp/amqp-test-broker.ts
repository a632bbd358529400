// Medium-test helper: a plain connection to the real local RabbitMQ for what the transport does not
// offer (publishing raw messages, removing a test's queues and exchanges). Not exported by the lib.
import { randomUUID } from 'node:crypto';
import * as amqp from 'amqplib';
import { AmqpTopology, amqpTopology } from './amqp-rpc.options';

export class AmqpTestBroker {
  private constructor(
    private readonly connection: amqp.ChannelModel,
    readonly url: string,
  ) {}

  static async connect(url: string): Promise<AmqpTestBroker> {
    const connection = await amqp.connect(url);
    connection.on('error', () => undefined);
    return new AmqpTestBroker(connection, url);
  }

  /** A prefix no other test uses, so exchanges and queues never collide. */
  static uniquePrefix(): string {
    return `slipway-test-${randomUUID().slice(0, 8)}`;
  }

  async channel(): Promise<amqp.Channel> {
    const channel = await this.connection.createChannel();
    channel.on('error', () => undefined);
    return channel;
  }

  async queueExists(queue: string): Promise<boolean> {
    const channel = await this.channel();
    try {
      await channel.checkQueue(queue);
      await channel.close();
      return true;
    } catch {
      return false; // a 404 closes the channel
    }
  }

  /** Deletes the queues of `hosts` and both exchanges of `prefix`. */
  async removeTopology(prefix: string, hosts: Iterable<string>): Promise<void> {
    const topology: AmqpTopology = amqpTopology(prefix);
    const channel = await this.channel();
    for (const host of new Set(hosts)) {
      await channel.deleteQueue(topology.queueFor(host));
      await channel.deleteQueue(topology.callQueueFor(host));
    }
    await channel.deleteExchange(topology.rpcExchange);
    await channel.deleteExchange(topology.eventsExchange);
    await channel.close();
  }

  async close(): Promise<void> {
    await this.connection.close().catch(() => undefined);
  }
}
