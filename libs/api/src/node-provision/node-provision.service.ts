import { Inject, Injectable } from '@nestjs/common';
import { InvalidParameterValueError, InvalidStateRequestedError, NodeLockedError, NoValidHostError } from '@slipway/errors';
import { checkProvisionRequest, ProvisionRequest, ProvisionState } from '@slipway/provisioning';
import { nodeProvision, RequestedStep, RpcTransport } from '@slipway/rpc';
import { RPC_TRANSPORT } from '@slipway/runtime';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import { CONDUCTOR_ROUTER, ConductorRouter } from '../routing/conductor-router';

/** `PUT /v1/nodes/{node}/states/provision`: checked here, carried out by the owning conductor. */
@Injectable()
export class NodeProvisionService {
  constructor(
    private readonly nodes: NodesService,
    @Inject(CONDUCTOR_ROUTER) private readonly router: ConductorRouter,
    @Inject(RPC_TRANSPORT) private readonly rpc: RpcTransport,
  ) {}

  /** Returns the node's uuid for the `Location` header once the conductor took the action. */
  async provision(ident: string, body: unknown, context: RequestContext): Promise<string> {
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as { target?: unknown }).target !== 'string') {
      throw new InvalidParameterValueError("Schema error for provision: 'target' is a required property");
    }
    const request = body as ProvisionRequest;
    const node = await this.nodes.find(ident, context.minor);
    const check = checkProvisionRequest(request, { node: node.uuid, currentState: node.provisionState as ProvisionState, maintenance: node.maintenance, apiMinor: context.minor });
    if (!check.ok) {
      // A node busy with other work refuses any event: Ironic names the lock holder then.
      if (check.error instanceof InvalidStateRequestedError && node.reservation) throw new NodeLockedError({ node: node.uuid, host: node.reservation });
      throw check.error;
    }
    let host: string;
    try {
      host = await this.router.hostFor(node);
    } catch (error) {
      throw error instanceof NoValidHostError ? error.asBadRequest() : error;
    }
    await this.rpc.call(host, nodeProvision, {
      uuid: node.uuid,
      event: check.event,
      target: check.target,
      configdrive: request.configdrive,
      cleanSteps: request.clean_steps as RequestedStep[] | undefined,
      deploySteps: request.deploy_steps as RequestedStep[] | undefined,
      serviceSteps: request.service_steps as RequestedStep[] | undefined,
      rescuePassword: request.rescue_password ?? undefined,
    });
    return node.uuid;
  }
}
