import { Inject, Injectable } from '@nestjs/common';
import { MissingParameterValueError, NoValidHostError } from '@slipway/errors';
import { driverVendorPassthru, driverVendorPassthruMethods, nodeVendorPassthru, nodeVendorPassthruMethods, RpcTransport } from '@slipway/rpc';
import { RPC_TRANSPORT } from '@slipway/runtime';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import { CONDUCTOR_ROUTER, ConductorRouter } from '../routing/conductor-router';

export interface PassthruAnswer {
  status: 200 | 202;
  body: unknown;
}

/** Vendor passthru for nodes (to the owning conductor) and drivers (to any conductor serving it). */
@Injectable()
export class VendorPassthruService {
  constructor(
    private readonly nodes: NodesService,
    @Inject(CONDUCTOR_ROUTER) private readonly router: ConductorRouter,
    @Inject(RPC_TRANSPORT) private readonly rpc: RpcTransport,
  ) {}

  async callNode(ident: string, method: string | undefined, httpMethod: string, body: unknown, context: RequestContext): Promise<PassthruAnswer> {
    const node = await this.nodes.find(ident, context.minor);
    const host = await this.ownerOf(node);
    const outcome = await this.rpc.call(host, nodeVendorPassthru, { uuid: node.uuid, method: requireMethod(method), httpMethod, args: argsOf(body) });
    return answer(outcome);
  }

  async nodeMethods(ident: string, context: RequestContext): Promise<unknown> {
    const node = await this.nodes.find(ident, context.minor);
    return this.rpc.call(await this.ownerOf(node), nodeVendorPassthruMethods, { uuid: node.uuid });
  }

  async callDriver(driver: string, method: string | undefined, httpMethod: string, body: unknown): Promise<PassthruAnswer> {
    const host = await this.router.anyConductorFor(driver);
    return answer(await this.rpc.call(host, driverVendorPassthru, { driver, method: requireMethod(method), httpMethod, args: argsOf(body) }));
  }

  async driverMethods(driver: string): Promise<unknown> {
    return this.rpc.call(await this.router.anyConductorFor(driver), driverVendorPassthruMethods, { driver });
  }

  private async ownerOf(node: { uuid: string; conductorGroup: string; driver: string }): Promise<string> {
    try {
      return await this.router.hostFor(node);
    } catch (error) {
      throw error instanceof NoValidHostError ? error.asBadRequest() : error;
    }
  }
}

function requireMethod(method: string | undefined): string {
  if (!method) throw new MissingParameterValueError("Method not specified when calling vendor extension.");
  return method;
}

/** The body's JSON object is the method's arguments (none for GET or an empty body). */
function argsOf(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function answer(outcome: { async: boolean; result?: unknown }): PassthruAnswer {
  return outcome.async ? { status: 202, body: undefined } : { status: 200, body: outcome.result ?? null };
}
