// Cluster mode: RPC over RabbitMQ. Calls go to a topic exchange, routed by `conductor.<host>` to
// that conductor's durable queue; replies come back through direct reply-to. See docs/rpc.md.
import { randomUUID } from 'node:crypto';
import type { ChannelModel, ConsumeMessage, Message } from 'amqplib';
import { correlation, getLogger } from '@slipway/logging';
import { RpcCallContract, RpcCastContract, assertContractKind } from '../contract';
import { BrokerUnavailableError, describeBrokerUrl } from '../errors/broker-unavailable.error';
import { brokerConnectionLost, brokerNotConnected, conductorNotServing, conductorStoppedBeforeAnswering, transportClosed } from '../errors/rpc-failures';
import { RpcHandlerMap } from '../rpc-handler-map';
import { assertRpcHost } from '../rpc-host';
import { DEFAULT_CALL_TIMEOUT_MS, RpcTimer, effectiveTimeout, systemTimer } from '../rpc-timer';
import { BroadcastHandler, RpcCallOptions, RpcServer, RpcTransport } from '../rpc-transport';
import { RpcDispatcher } from '../wire/rpc-dispatcher';
import { RPC_HEADERS, encodeJson, readReply } from '../wire/rpc-wire-format';
import { AmqpBroadcastSubscription } from './amqp-broadcast.subscription';
import { AmqpConnectionSupervisor } from './amqp-connection.supervisor';
import {
  AmqpRpcTransportOptions,
  AmqpTopology,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_HEARTBEAT_SECONDS,
  DEFAULT_PREFETCH,
  amqpTopology,
  withHeartbeat,
} from './amqp-rpc.options';
import { AmqpRpcServer } from './amqp-rpc.server';
import { AmqpSession } from './amqp-session';
import { CalleeWatch } from './callee-watch';
import { PendingCalls } from './pending-calls';
import { DEFAULT_BACKOFF } from './reconnect-backoff';
import { EffectiveSocketOptions, readSocketOptions } from './socket-options';

/** After a reconnect of ours, how long unroutable calls are retried (see onReturnedCall). */
const RECONNECT_GRACE_MS = 10_000;
const RETURNED_CALL_RETRY_MS = 100;

export class AmqpRpcTransport implements RpcTransport {
  readonly topology: AmqpTopology;
  private readonly log = getLogger('rpc.amqp');
  private readonly displayUrl: string;
  private readonly timer: RpcTimer;
  private readonly defaultTimeoutMs: number;
  private readonly prefetch: number;
  private readonly supervisor: AmqpConnectionSupervisor;
  private readonly pending: PendingCalls;
  private readonly calleeWatch: CalleeWatch;
  private readonly servers = new Set<AmqpRpcServer>();
  private readonly subscriptions = new Set<AmqpBroadcastSubscription>();
  private session: AmqpSession | undefined;
  private connections = 0;
  /** When this transport last reconnected after losing the broker (timer clock); undefined before. */
  private reconnectedAt?: number;
  private closed = false;
  // Connection setup and serve/subscribe run one at a time, so a server registered while the
  // transport reconnects is attached exactly once, to the new connection.
  private topologyWork: Promise<unknown> = Promise.resolve();

  private constructor(options: AmqpRpcTransportOptions) {
    this.topology = amqpTopology(options.prefix);
    this.displayUrl = describeBrokerUrl(options.url);
    this.timer = options.timer ?? systemTimer;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    this.prefetch = options.prefetch ?? DEFAULT_PREFETCH;
    if (!(Number.isInteger(this.prefetch) && this.prefetch > 0)) throw new TypeError(`prefetch must be a positive integer, got ${this.prefetch}`);
    this.pending = new PendingCalls(this.timer);
    this.calleeWatch = new CalleeWatch({
      pending: this.pending,
      timer: this.timer,
      callQueueExists: (host) => this.callQueueExists(host),
      failGone: (call) => {
        this.log.warn({ host: call.host, method: call.method }, 'a conductor stopped serving RPC before answering a call');
        this.pending.fail(call.id, () => conductorStoppedBeforeAnswering(call.host, call.method));
      },
    });
    this.supervisor = new AmqpConnectionSupervisor(
      {
        url: withHeartbeat(options.url, options.heartbeatSeconds ?? DEFAULT_HEARTBEAT_SECONDS),
        displayUrl: this.displayUrl,
        socketOptions: {
          // Without TCP_NODELAY a small request waits for the peer's delayed ACK (Nagle): ~40 ms a call.
          noDelay: true,
          keepAlive: true,
          timeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
          clientProperties: { connection_name: options.connectionName ?? `slipway-rpc ${process.pid}` },
        },
        backoff: { ...DEFAULT_BACKOFF, ...options.reconnect },
        timer: this.timer,
      },
      { onConnected: (model) => this.serially(() => this.onConnected(model)), onLost: (error) => this.onLost(error) },
      this.log,
    );
  }

  /** Connects once; rejects with BrokerUnavailableError (URL without password, and the cause). */
  static async connect(options: AmqpRpcTransportOptions): Promise<AmqpRpcTransport> {
    const transport = new AmqpRpcTransport(options);
    await transport.supervisor.start();
    return transport;
  }

  async call<Req, Res>(host: string, contract: RpcCallContract<Req, Res>, request: Req, options: RpcCallOptions = {}): Promise<Res> {
    assertRpcHost(host);
    assertContractKind(contract, 'call');
    const timeoutMs = effectiveTimeout(options.timeoutMs, contract.timeoutMs, this.defaultTimeoutMs);
    const body = encodeJson(request, `request for ${contract.name}`);
    if (this.closed) throw transportClosed(host, contract.name);
    const call = {
      id: randomUUID(),
      host,
      method: contract.name,
      timeoutMs,
      deadline: this.timer.now() + timeoutMs,
      body,
      headers: this.headers(contract),
    };
    const reply = this.pending.start(call);
    this.send(call);
    return readReply(await reply) as Res;
  }

  async cast<Req>(host: string, contract: RpcCastContract<Req>, request: Req): Promise<void> {
    assertRpcHost(host);
    assertContractKind(contract, 'cast');
    const timeoutMs = effectiveTimeout(undefined, contract.timeoutMs, this.defaultTimeoutMs);
    const body = encodeJson(request, `request for ${contract.name}`);
    const session = await this.sessionWithin(timeoutMs);
    if (!session) throw this.closed ? transportClosed(host, contract.name) : brokerNotConnected(host, contract.name, timeoutMs);
    let outcome;
    try {
      outcome = await session.publishConfirmed(this.topology.rpcExchange, this.topology.routingKeyFor(host), body, {
        mandatory: true,
        persistent: true,
        headers: this.headers(contract),
        timestamp: Math.floor(Date.now() / 1000),
        appId: 'slipway',
      });
    } catch (error) {
      this.log.warn({ host, method: contract.name, err: error }, 'the broker did not confirm a cast');
      throw brokerConnectionLost(host, contract.name);
    }
    if (outcome === 'unroutable') throw conductorNotServing(host, contract.name);
  }

  async serve(host: string, handlers: RpcHandlerMap): Promise<RpcServer> {
    assertRpcHost(host);
    if (this.closed) throw new Error('the AMQP RPC transport is closed');
    const server = new AmqpRpcServer(
      host,
      new RpcDispatcher(host, handlers),
      this.topology,
      this.prefetch,
      { onBroken: (reason) => this.supervisor.requestRestart(reason), onClosed: (closing) => this.servers.delete(closing) },
      this.log,
    );
    await this.serially(async () => {
      this.servers.add(server);
      const model = this.session?.model;
      if (!model) return; // attached when the connection is back
      try {
        await server.attach(model);
      } catch (error) {
        // Lost the connection meanwhile: the reconnect attaches it. Otherwise the broker refused.
        if (this.session?.model !== model) return;
        this.servers.delete(server);
        throw error;
      }
    });
    this.log.info({ host, queue: this.topology.queueFor(host), methods: handlers.methods() }, 'serving RPC');
    return server;
  }

  async broadcast(event: string, payload: unknown): Promise<void> {
    const body = encodeJson(payload, `broadcast ${event}`);
    const session = await this.sessionWithin(this.defaultTimeoutMs);
    if (!session) throw new BrokerUnavailableError(this.displayUrl, new Error(this.closed ? 'transport closed' : 'not connected'));
    const headers: Record<string, string> = { [RPC_HEADERS.event]: event };
    const correlationId = correlation.id();
    if (correlationId) headers[RPC_HEADERS.correlationId] = correlationId;
    try {
      await session.publishConfirmed(this.topology.eventsExchange, '', body, { headers });
    } catch (error) {
      throw new BrokerUnavailableError(this.displayUrl, error);
    }
  }

  async onBroadcast(handler: BroadcastHandler): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('the AMQP RPC transport is closed');
    const subscription = new AmqpBroadcastSubscription(
      this.topology.eventsExchange,
      handler,
      { onBroken: (reason) => this.supervisor.requestRestart(reason) },
      this.log,
    );
    await this.serially(async () => {
      this.subscriptions.add(subscription);
      const model = this.session?.model;
      if (!model) return;
      try {
        await subscription.attach(model);
      } catch (error) {
        if (this.session?.model !== model) return;
        this.subscriptions.delete(subscription);
        throw error;
      }
    });
    return async () => {
      this.subscriptions.delete(subscription);
      await subscription.close();
    };
  }

  async ping(): Promise<void> {
    const session = this.session;
    if (!session) throw new BrokerUnavailableError(this.displayUrl, new Error(this.closed ? 'transport closed' : 'not connected; reconnecting'));
    try {
      await session.checkBroker();
    } catch (error) {
      throw new BrokerUnavailableError(this.displayUrl, error);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.calleeWatch.stop();
    // Servers first: their running handlers still answer over the open connection.
    await Promise.allSettled([...this.servers].map((server) => server.close()));
    await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.close()));
    this.subscriptions.clear();
    this.pending.failAll((call) => transportClosed(call.host, call.method));
    const session = this.session;
    this.session = undefined;
    await session?.close();
    await this.supervisor.close();
  }

  /** The options Node applied to the live broker socket (undefined while disconnected). */
  effectiveSocketOptions(): EffectiveSocketOptions | undefined {
    const socket = this.supervisor.socket();
    return socket ? readSocketOptions(socket) : undefined;
  }

  /** True while a connection is up and its channels are ready. */
  get connected(): boolean {
    return this.session !== undefined;
  }

  /** Broker connections made so far (1 after connect, +1 per reconnect); for metrics and tests. */
  get connectionCount(): number {
    return this.connections;
  }

  /** Test hook: destroys the TCP socket under the connection, as a broker crash would. */
  destroyConnectionForTesting(): void {
    this.supervisor.destroySocket();
  }

  private headers(contract: { name: string; version: string }): Record<string, string> {
    const headers: Record<string, string> = { [RPC_HEADERS.method]: contract.name, [RPC_HEADERS.version]: contract.version };
    const correlationId = correlation.id();
    if (correlationId) headers[RPC_HEADERS.correlationId] = correlationId;
    return headers;
  }

  /** Publishes now if connected; otherwise the call waits in `pending` for the next connection. */
  private send(call: Parameters<PendingCalls['start']>[0]): void {
    const session = this.session;
    if (!session) return;
    try {
      session.publishCall(call, call.deadline - this.timer.now());
      this.pending.markSent(call.id, this.timer.now());
      this.calleeWatch.noteSent();
    } catch (error) {
      // The channel died under us; the reconnect that follows sends the call again.
      this.log.debug({ method: call.method, host: call.host, err: error }, 'call not published; waiting for the connection');
    }
  }

  /** Undefined while disconnected or when the broker could not be asked. */
  private async callQueueExists(host: string): Promise<boolean | undefined> {
    const session = this.session;
    if (!session) return undefined;
    try {
      return await session.queueExists(this.topology.callQueueFor(host));
    } catch (error) {
      this.log.debug({ host, err: error }, 'could not check a call queue');
      return undefined;
    }
  }

  private async sessionWithin(timeoutMs: number): Promise<AmqpSession | undefined> {
    if (this.closed) return undefined;
    if (this.session) return this.session;
    await this.supervisor.waitUntilConnected(timeoutMs);
    return this.closed ? undefined : this.session;
  }

  private async onConnected(model: ChannelModel): Promise<void> {
    const session = await AmqpSession.open(
      model,
      this.topology,
      {
        onReply: (message) => this.onReply(message),
        onReturnedCall: (message) => this.onReturnedCall(message),
        onBroken: (reason) => this.supervisor.requestRestart(reason),
      },
      this.log,
    );
    for (const server of this.servers) await server.attach(model);
    for (const subscription of this.subscriptions) await subscription.attach(model);
    this.session = session;
    this.connections++;
    if (this.connections > 1) this.reconnectedAt = this.timer.now();
    for (const call of this.pending.unsent()) this.send(call);
  }

  private onLost(error: Error): void {
    this.session = undefined;
    for (const server of this.servers) server.detach();
    for (const subscription of this.subscriptions) subscription.detach();
    this.pending.failSent((call) => brokerConnectionLost(call.host, call.method));
    if (!this.closed) this.log.warn({ err: error, url: this.displayUrl }, 'RPC transport disconnected');
  }

  private onReply(message: ConsumeMessage): void {
    if (!this.pending.resolve(message.properties.correlationId, message.content)) {
      this.log.debug({ id: message.properties.correlationId }, 'reply for a call that already gave up');
    }
  }

  /**
   * No call queue for the host: its conductor is not running, so the call fails at once. Except
   * just after a reconnect of ours (a broker restart): the conductors are reconnecting too and
   * re-declare their call queues within seconds, so the call is sent again until they do.
   */
  private onReturnedCall(message: Message): void {
    const call = this.pending.find(message.properties.correlationId);
    if (!call) return;
    const now = this.timer.now();
    const reconnecting = this.reconnectedAt !== undefined && now - this.reconnectedAt < RECONNECT_GRACE_MS;
    if (reconnecting && now + RETURNED_CALL_RETRY_MS < call.deadline) {
      this.timer.setTimeout(() => {
        if (this.pending.find(call.id)) this.send(call);
      }, RETURNED_CALL_RETRY_MS);
      return;
    }
    this.pending.fail(call.id, () => conductorNotServing(call.host, call.method));
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.topologyWork.then(work);
    this.topologyWork = next.catch(() => undefined);
    return next;
  }
}
