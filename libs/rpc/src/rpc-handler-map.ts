// The server side of contracts: one handler per method name, registered against the contract so
// the handler's request and response types come from it.
import { AnyRpcContract, RpcContract } from './contract';

export interface RpcHandlerContext {
  /** The conductor host whose queue the request came from. */
  readonly host: string;
  readonly method: string;
  /** The caller's correlation id (also active in the logging context while the handler runs). */
  readonly correlationId: string;
  /** The contract version the caller spoke. */
  readonly version: string;
}

export type RpcHandler<Req, Res> = (request: Req, context: RpcHandlerContext) => Promise<Res>;

export interface RpcRegistration {
  readonly contract: AnyRpcContract;
  readonly handle: RpcHandler<unknown, unknown>;
}

export class RpcHandlerMap {
  private readonly registrations = new Map<string, RpcRegistration>();

  on<Req, Res>(contract: RpcContract<Req, Res>, handle: RpcHandler<Req, Res>): this {
    if (this.registrations.has(contract.name)) throw new Error(`RPC method ${contract.name} already has a handler`);
    // The dispatcher only passes requests that passed `contract.request`, so widening is safe here.
    this.registrations.set(contract.name, { contract, handle: handle as RpcHandler<unknown, unknown> });
    return this;
  }

  get(method: string): RpcRegistration | undefined {
    return this.registrations.get(method);
  }

  methods(): string[] {
    return [...this.registrations.keys()];
  }
}
