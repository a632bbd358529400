// The RPC port. Two adapters implement it with the same observable behaviour: the in-process one
// (standalone mode) and AMQP (cluster mode). Callers depend on this interface only.
import { RpcCallContract, RpcCastContract } from './contract';
import { RpcHandlerMap } from './rpc-handler-map';

export interface RpcCallOptions {
  /** Overrides the contract's and the transport's default timeout. */
  timeoutMs?: number;
}

export interface RpcServer {
  readonly host: string;
  /** Stops taking requests, lets the running handlers finish and send their replies. */
  close(): Promise<void>;
}

export type BroadcastHandler = (event: string, payload: unknown) => void | Promise<void>;

export interface RpcTransport {
  /**
   * Sends a request to `host` and waits for its reply. Rejects with the handler's DomainError
   * (rebuilt from the wire), or with a retryable ConductorUnavailableError when the host has no
   * queue or server, does not answer in time, or the broker connection was lost.
   */
  call<Req, Res>(host: string, contract: RpcCallContract<Req, Res>, request: Req, options?: RpcCallOptions): Promise<Res>;
  /** Fire-and-forget: resolves once the message is safely queued for `host`. */
  cast<Req>(host: string, contract: RpcCastContract<Req>, request: Req): Promise<void>;
  /** Consumes `host`'s requests with these handlers until the returned server is closed. */
  serve(host: string, handlers: RpcHandlerMap): Promise<RpcServer>;
  /** Cluster event to every subscriber (best effort: a subscriber that is disconnected misses it). */
  broadcast(event: string, payload: unknown): Promise<void>;
  /** Resolves to an unsubscribe function. */
  onBroadcast(handler: BroadcastHandler): Promise<() => Promise<void>>;
  /** Readiness: rejects when the transport cannot currently reach its broker. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
