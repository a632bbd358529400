import { Body, Controller, HttpCode, Param, Put, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { NodeProvisionService } from './node-provision.service';

@ApiTags('nodes')
@Controller('v1/nodes/:node/states/provision')
@UseInterceptors(ApiVersionInterceptor)
export class NodeProvisionController {
  constructor(private readonly provisioning: NodeProvisionService) {}

  /** 202 with an empty body and the node's states as `Location`, as Ironic answers. */
  @Put()
  @HttpCode(202)
  async provision(@Param('node') ident: string, @Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @RequestedVersion() version: ApiVersion): Promise<void> {
    const baseUrl = publicBaseUrl(request);
    const uuid = await this.provisioning.provision(ident, body, { baseUrl, minor: version.minor });
    reply.header('Location', `${baseUrl}/v1/nodes/${uuid}/states`);
  }
}
