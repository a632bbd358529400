// What the api and the orchestrator inject: typed calls and casts, nothing of the server side.
// Request and response types come from the contract, so a call site cannot drift from the handler.
import { RpcCallContract, RpcCastContract } from './contract';
import { RpcCallOptions, RpcTransport } from './rpc-transport';

export class RpcClient {
  constructor(private readonly transport: RpcTransport) {}

  call<Req, Res>(host: string, contract: RpcCallContract<Req, Res>, request: Req, options?: RpcCallOptions): Promise<Res> {
    return this.transport.call(host, contract, request, options);
  }

  cast<Req>(host: string, contract: RpcCastContract<Req>, request: Req): Promise<void> {
    return this.transport.cast(host, contract, request);
  }
}
