// Standalone mode: api, conductor and orchestrator share one process, so RPC is a function call.
// It still goes through the wire format (JSON bodies, error replies rebuilt from {type, message,
// details}) so a handler behaves the same here as behind RabbitMQ.
import { correlation, getLogger } from '@slipway/logging';
import { AnyRpcContract, RpcCallContract, RpcCastContract, assertContractKind } from '../contract';
import { conductorNotServing, conductorTimedOut, transportClosed } from '../errors/rpc-failures';
import { RpcHandlerMap } from '../rpc-handler-map';
import { assertRpcHost } from '../rpc-host';
import { DEFAULT_CALL_TIMEOUT_MS, RpcTimer, effectiveTimeout, systemTimer } from '../rpc-timer';
import { BroadcastHandler, RpcCallOptions, RpcServer, RpcTransport } from '../rpc-transport';
import { RpcDispatcher } from '../wire/rpc-dispatcher';
import { IncomingRpcRequest, encodeJson, encodeReply, readReply } from '../wire/rpc-wire-format';

export interface InProcessRpcTransportOptions {
  defaultTimeoutMs?: number;
  timer?: RpcTimer;
}

export class InProcessRpcTransport implements RpcTransport {
  private readonly log = getLogger('rpc.in-process');
  private readonly servers = new Map<string, InProcessRpcServer>();
  private readonly subscribers = new Set<BroadcastHandler>();
  private readonly defaultTimeoutMs: number;
  private readonly timer: RpcTimer;
  private closed = false;

  constructor(options: InProcessRpcTransportOptions = {}) {
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    this.timer = options.timer ?? systemTimer;
  }

  async call<Req, Res>(host: string, contract: RpcCallContract<Req, Res>, request: Req, options: RpcCallOptions = {}): Promise<Res> {
    assertRpcHost(host);
    assertContractKind(contract, 'call');
    const timeoutMs = effectiveTimeout(options.timeoutMs, contract.timeoutMs, this.defaultTimeoutMs);
    const message = this.message(contract, request);
    if (this.closed) throw transportClosed(host, contract.name);
    const server = this.servers.get(host);
    if (!server) throw conductorNotServing(host, contract.name);

    const reply = await new Promise<Buffer>((resolve, reject) => {
      const cancel = this.timer.setTimeout(() => reject(conductorTimedOut(host, contract.name, timeoutMs)), timeoutMs);
      server.deliver(message).then(
        (body) => {
          cancel();
          resolve(body);
        },
        (error: unknown) => {
          cancel();
          reject(error);
        },
      );
    });
    return readReply(reply) as Res;
  }

  async cast<Req>(host: string, contract: RpcCastContract<Req>, request: Req): Promise<void> {
    assertRpcHost(host);
    assertContractKind(contract, 'cast');
    const message = this.message(contract, request);
    if (this.closed) throw transportClosed(host, contract.name);
    const server = this.servers.get(host);
    if (!server) throw conductorNotServing(host, contract.name);
    void server.deliver(message).then((body) => {
      try {
        readReply(body);
      } catch (error) {
        this.log.warn({ method: contract.name, host, err: error }, 'cast handler failed');
      }
    });
  }

  async serve(host: string, handlers: RpcHandlerMap): Promise<RpcServer> {
    assertRpcHost(host);
    if (this.closed) throw new Error('the in-process RPC transport is closed');
    if (this.servers.has(host)) throw new Error(`host ${host} is already served in this process`);
    const server: InProcessRpcServer = new InProcessRpcServer(host, new RpcDispatcher(host, handlers), () => {
      if (this.servers.get(host) === server) this.servers.delete(host);
    });
    this.servers.set(host, server);
    return server;
  }

  async broadcast(event: string, payload: unknown): Promise<void> {
    if (this.closed) throw new Error('the in-process RPC transport is closed');
    const body = encodeJson(payload, `broadcast ${event}`);
    for (const handler of this.subscribers) {
      // Each subscriber gets its own copy, later, as a broker would deliver it.
      setImmediate(() => {
        Promise.resolve()
          .then(() => handler(event, JSON.parse(body.toString('utf8'))))
          .catch((error: unknown) => this.log.warn({ event, err: error }, 'broadcast handler failed'));
      });
    }
  }

  async onBroadcast(handler: BroadcastHandler): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('the in-process RPC transport is closed');
    // Wrapped so that subscribing the same function twice gives two independent subscriptions.
    const subscription: BroadcastHandler = (event, payload) => handler(event, payload);
    this.subscribers.add(subscription);
    return async () => {
      this.subscribers.delete(subscription);
    };
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('the in-process RPC transport is closed');
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscribers.clear();
    await Promise.all([...this.servers.values()].map((server) => server.close()));
  }

  private message(contract: Pick<AnyRpcContract, 'name' | 'version'>, request: unknown): IncomingRpcRequest {
    return {
      method: contract.name,
      version: contract.version,
      correlationId: correlation.id(),
      body: encodeJson(request, `request for ${contract.name}`),
    };
  }
}

class InProcessRpcServer implements RpcServer {
  private readonly inFlight = new Set<Promise<Buffer>>();

  constructor(
    readonly host: string,
    private readonly dispatcher: RpcDispatcher,
    private readonly unregister: () => void,
  ) {}

  /** Runs the handler on a later turn, never inside the caller's stack, and returns the encoded reply. */
  deliver(message: IncomingRpcRequest): Promise<Buffer> {
    const work = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.dispatcher.dispatch(message))
      .then(encodeReply)
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
    return work;
  }

  async close(): Promise<void> {
    this.unregister();
    await Promise.allSettled([...this.inFlight]);
  }
}
