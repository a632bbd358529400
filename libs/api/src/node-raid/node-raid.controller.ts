import { Body, Controller, HttpCode, Inject, Param, Put, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InvalidParameterValueError, NotFoundError, NoValidHostError, UnsupportedDriverExtensionError } from '@slipway/errors';
import { nodeSetTargetRaidConfig, RpcTransport } from '@slipway/rpc';
import { RPC_TRANSPORT } from '@slipway/runtime';
import { NodesService } from '../nodes/nodes.service';
import { CONDUCTOR_ROUTER, ConductorRouter } from '../routing/conductor-router';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';

/** `PUT /v1/nodes/{node}/states/raid` (1.12): the target RAID configuration; 204. */
@ApiTags('nodes')
@Controller('v1/nodes/:node/states/raid')
@UseInterceptors(ApiVersionInterceptor)
export class NodeRaidController {
  constructor(
    private readonly nodes: NodesService,
    @Inject(CONDUCTOR_ROUTER) private readonly router: ConductorRouter,
    @Inject(RPC_TRANSPORT) private readonly rpc: RpcTransport,
  ) {}

  @Put()
  @HttpCode(204)
  async setTarget(@Param('node') ident: string, @Body() body: unknown, @RequestedVersion() version: ApiVersion): Promise<void> {
    if (version.minor < 12) throw new NotFoundError('The resource could not be found.');
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new InvalidParameterValueError('The target RAID configuration must be a JSON object.');
    const node = await this.nodes.find(ident, version.minor);
    const host = await this.router.hostFor(node).catch((error: unknown) => Promise.reject(error instanceof NoValidHostError ? error.asBadRequest() : error));
    try {
      await this.rpc.call(host, nodeSetTargetRaidConfig, { uuid: node.uuid, targetRaidConfig: body as Record<string, unknown> });
    } catch (error) {
      // Ironic answers 404 when the node's driver has no RAID support.
      if (error instanceof UnsupportedDriverExtensionError) throw new NotFoundError(error.message);
      throw error;
    }
  }
}
