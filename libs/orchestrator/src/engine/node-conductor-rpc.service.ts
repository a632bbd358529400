import { Inject, Injectable, Optional } from '@nestjs/common';
import { RingDirectory, type RoutedNode } from '@slipway/cluster';
import { RpcClient, type RpcCallContract, type RpcTransport } from '@slipway/rpc';
import { RPC_TRANSPORT } from '@slipway/runtime';

/**
 * Calls the conductor that owns a node, found on the hash ring of the live conductors as the api
 * and the conductors compute it (L5: the orchestrator records intent, the owner acts). A node
 * that does not exist yet is routed by the uuid it is about to get.
 */
@Injectable()
export class NodeConductorRpcService {
  private readonly client?: RpcClient;

  // Optional so that the orchestrator's API can be tested without a cluster: only the engine calls.
  constructor(
    @Optional() private readonly rings?: RingDirectory,
    @Optional() @Inject(RPC_TRANSPORT) transport?: RpcTransport,
  ) {
    this.client = transport && new RpcClient(transport);
  }

  async call<Req, Res>(node: RoutedNode, contract: RpcCallContract<Req, Res>, request: Req): Promise<Res> {
    if (this.client === undefined || this.rings === undefined) throw new Error('this process has no RPC to the conductors');
    return this.client.call(await this.rings.ownerOf(node), contract, request);
  }
}
