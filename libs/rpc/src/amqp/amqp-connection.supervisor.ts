// Owns the broker connection: connects, notices when it drops, reconnects with back-off and has
// the transport rebuild everything that lived on it. A broker restart never needs a process restart.
import * as amqp from 'amqplib';
import type { Socket } from 'node:net';
import { type Logger } from '@slipway/logging';
import { BrokerUnavailableError } from '../errors/broker-unavailable.error';
import { RpcTimer } from '../rpc-timer';
import { BackoffSettings, reconnectDelay } from './reconnect-backoff';

export interface AmqpConnectionHooks {
  /** Builds everything that lives on a fresh connection. A throw closes it and schedules a retry. */
  onConnected(model: amqp.ChannelModel): Promise<void>;
  /** The connection is gone (or its setup failed): everything built on it is dead. */
  onLost(error: Error): void;
}

export interface AmqpConnectionSettings {
  url: string;
  /** The URL with the password masked, for messages. */
  displayUrl: string;
  socketOptions: amqp.SocketOptions;
  backoff: BackoffSettings;
  timer: RpcTimer;
}

export class AmqpConnectionSupervisor {
  private model: amqp.ChannelModel | undefined;
  private stopped = false;
  private attempt = 0;
  private cancelRetry: (() => void) | undefined;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly settings: AmqpConnectionSettings,
    private readonly hooks: AmqpConnectionHooks,
    private readonly log: Logger,
  ) {}

  /** The first connection: fails with BrokerUnavailableError instead of retrying. */
  async start(): Promise<void> {
    try {
      await this.connectOnce();
    } catch (error) {
      throw new BrokerUnavailableError(this.settings.displayUrl, error);
    }
  }

  current(): amqp.ChannelModel | undefined {
    return this.model;
  }

  /** Resolves true once connected (at once if already), false after `timeoutMs` or on close. */
  waitUntilConnected(timeoutMs: number): Promise<boolean> {
    if (this.model) return Promise.resolve(true);
    if (this.stopped) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const wake = (): void => {
        this.waiters.delete(wake);
        cancel();
        resolve(this.model !== undefined);
      };
      const cancel = this.settings.timer.setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
    });
  }

  /** A channel failed on a live connection: drop the connection and rebuild everything. */
  requestRestart(reason: string): void {
    const model = this.model;
    // Deferred: a channel closing because the whole connection is closing reports first, and by
    // the next turn the connection has reported too, so only a real channel-level failure restarts.
    setImmediate(() => {
      if (this.model !== model || !model || this.stopped) return;
      this.log.warn({ reason }, 'restarting the broker connection');
      model.close().catch(() => undefined);
    });
  }

  socket(): Socket | undefined {
    return (this.model?.connection as unknown as { stream?: Socket } | undefined)?.stream;
  }

  /** Test hook: kills the TCP connection the way a network failure or broker crash would. */
  destroySocket(): void {
    this.socket()?.destroy(new Error('connection destroyed by a test hook'));
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    for (const wake of [...this.waiters]) wake();
    const model = this.model;
    this.model = undefined;
    if (model) await model.close().catch(() => undefined);
  }

  private async connectOnce(): Promise<void> {
    const model = await amqp.connect(this.settings.url, this.settings.socketOptions);
    let closed: Error | undefined;
    model.on('error', (error: Error) => this.log.warn({ err: error }, 'broker connection error'));
    model.on('blocked', (reason: string) => this.log.warn({ reason }, 'the broker blocked publishing (resource alarm)'));
    model.on('unblocked', () => this.log.info('the broker unblocked publishing'));
    model.on('close', (error?: Error) => {
      closed = error ?? new Error('connection closed');
      if (this.model !== model) return;
      this.model = undefined;
      this.hooks.onLost(closed);
      if (this.stopped) return;
      this.log.warn({ err: closed }, 'lost the broker connection; reconnecting');
      this.scheduleReconnect();
    });

    try {
      await this.hooks.onConnected(model);
      if (closed) throw closed;
      if (this.stopped) throw new Error('closed while connecting');
    } catch (error) {
      this.hooks.onLost(error instanceof Error ? error : new Error(String(error)));
      await model.close().catch(() => undefined);
      throw error;
    }
    this.model = model;
    this.attempt = 0;
    for (const wake of [...this.waiters]) wake();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.cancelRetry) return;
    this.attempt++;
    const delay = reconnectDelay(this.attempt, this.settings.backoff);
    this.cancelRetry = this.settings.timer.setTimeout(() => {
      this.cancelRetry = undefined;
      if (this.stopped) return;
      const attempt = this.attempt;
      this.connectOnce().then(
        () => this.log.info({ attempt }, 'reconnected to the broker'),
        (error: unknown) => {
          this.log.warn({ err: error, attempt, url: this.settings.displayUrl }, 'reconnect attempt failed');
          this.scheduleReconnect();
        },
      );
    }, delay);
  }
}
