import { Inject, Injectable } from '@nestjs/common';
import { NoValidHostError } from '@slipway/errors';
import type { RpcCallContract, RpcTransport } from '@slipway/rpc';
import { RPC_TRANSPORT } from '@slipway/runtime';
import { CONDUCTOR_ROUTER, ConductorRouter, RoutedNode } from '../routing/conductor-router';

/**
 * Calls the conductor that owns a node (L5: the api records intent, the owner acts). Node
 * endpoints answer a missing conductor with 400, as Ironic does.
 */
@Injectable()
export class NodeOwnerRpcService {
  constructor(
    @Inject(CONDUCTOR_ROUTER) private readonly router: ConductorRouter,
    @Inject(RPC_TRANSPORT) private readonly rpc: RpcTransport,
  ) {}

  async call<Req, Res>(node: RoutedNode, contract: RpcCallContract<Req, Res>, request: Req): Promise<Res> {
    let host: string;
    try {
      host = await this.router.hostFor(node);
    } catch (error) {
      throw error instanceof NoValidHostError ? error.asBadRequest() : error;
    }
    return this.rpc.call(host, contract, request);
  }
}
